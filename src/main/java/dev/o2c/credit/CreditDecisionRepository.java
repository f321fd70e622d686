package dev.o2c.credit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CreditDecisionRepository extends JpaRepository<CreditDecision, Long> {

    Optional<CreditDecision> findByIdempotencyKey(String key);

    List<CreditDecision> findByOrderIdOrderByIdAsc(Long orderId);

    Optional<CreditDecision> findFirstByOrderIdOrderByIdDesc(Long orderId);
}
