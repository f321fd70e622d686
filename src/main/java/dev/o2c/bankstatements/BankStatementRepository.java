package dev.o2c.bankstatements;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface BankStatementRepository extends JpaRepository<BankStatement, Long> {

    Optional<BankStatement> findByMessageIdAndStatementId(String messageId, String statementId);

    List<BankStatement> findTop50ByOrderByIdDesc();
}
