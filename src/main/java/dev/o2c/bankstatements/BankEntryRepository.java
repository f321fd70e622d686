package dev.o2c.bankstatements;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface BankEntryRepository extends JpaRepository<BankEntry, Long> {

  List<BankEntry> findByStatementIdOrderByLineNo(long statementId);

  @Query("""
      select e from BankEntry e where e.status in :statuses and e.processInstanceKey is null
      and e.receivedAt < :before order by e.id""")
  List<BankEntry> findWithoutProcess(Collection<BankEntryStatus> statuses, Instant before);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select e from BankEntry e where e.id = :id")
  Optional<BankEntry> lockById(long id);
}
