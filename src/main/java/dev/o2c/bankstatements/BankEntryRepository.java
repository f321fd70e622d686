package dev.o2c.bankstatements;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface BankEntryRepository extends JpaRepository<BankEntry, Long> {

    List<BankEntry> findByStatementIdOrderByLineNo(long statementId);

    /** Entries with no instance whose start was never claimed, or claimed before {@code before} (a start that died). */
    @Query("""
      select e from BankEntry e where e.status in :statuses and e.processInstanceKey is null
      and coalesce(e.startClaimedAt, e.receivedAt) < :before order by e.id""")
    List<BankEntry> findWithoutProcess(Collection<BankEntryStatus> statuses, Instant before);

    /**
     * Claims again the start of an entry the sweep found: only succeeds while it has no instance and its claim is still
     * the one the sweep saw. Of two starters at the same moment exactly one gets 1. (The first claims, of entries never
     * claimed, are PaymentPostingStarter's, a batch at a time.)
     */
    @Modifying
    @Query(value = """
      update bank_entry set start_claimed_at = :now, start_attempts = start_attempts + 1
      where id = :id and process_instance_key is null and start_claimed_at = :seen""", nativeQuery = true)
    int reclaimStart(long id, Instant seen, Instant now);

    /** Records the process instance that runs the entry; the first one wins, the same one again is a no-op. */
    @Modifying
    @Query(value = """
      update bank_entry set process_instance_key = :key
      where id = :id and (process_instance_key is null or process_instance_key = :key)""", nativeQuery = true)
    int recordInstance(long id, long key);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from BankEntry e where e.id = :id")
    Optional<BankEntry> lockById(long id);
}
