package dev.o2c.collections;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OutboxEmailRepository extends JpaRepository<OutboxEmail, Long> {

    Optional<OutboxEmail> findByDedupKey(String dedupKey);

    List<OutboxEmail> findTop50ByStatusOrderByIdAsc(String status);

    /**
     * Pending e-mails whose time has come, locked for this sender: a second sender running at the same time skips
     * them instead of sending them too.
     */
    @Query(
            nativeQuery = true,
            value = "select * from email_outbox where status = 'PENDING' and id > :after"
                    + " and (next_attempt_at is null or next_attempt_at <= :now)"
                    + " order by id limit 1 for update skip locked")
    Optional<OutboxEmail> claimNextDue(@Param("now") Instant now, @Param("after") long after);

    List<OutboxEmail> findTop200ByOrderByIdDesc();
}
