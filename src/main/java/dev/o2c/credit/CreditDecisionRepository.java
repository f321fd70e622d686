package dev.o2c.credit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CreditDecisionRepository extends JpaRepository<CreditDecision, Long> {

    Optional<CreditDecision> findByIdempotencyKey(String key);

    List<CreditDecision> findByOrderIdOrderByIdAsc(Long orderId);

    Optional<CreditDecision> findFirstByOrderIdOrderByIdDesc(Long orderId);

    /** The latest decisions of one source (e.g. the policy's), newest first. */
    List<CreditDecision> findBySourceOrderByIdDesc(String source, Pageable page);
}
