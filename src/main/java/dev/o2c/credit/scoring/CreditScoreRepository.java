package dev.o2c.credit.scoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CreditScoreRepository extends JpaRepository<CreditScore, Long> {

    Optional<CreditScore> findFirstByCustomerIdOrderByIdDesc(long customerId);

    List<CreditScore> findTop100ByCustomerIdOrderByIdDesc(long customerId);

    long countByCustomerId(long customerId);
}
