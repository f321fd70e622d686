package dev.o2c.credit;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CreditApprovalRepository extends JpaRepository<CreditApproval, Long> {

    Optional<CreditApproval> findByIdempotencyKey(String key);

    List<CreditApproval> findByOrderIdOrderByIdAsc(Long orderId);

    List<CreditApproval> findByCustomerIdOrderByIdAsc(Long customerId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from CreditApproval a where a.id = :id")
    Optional<CreditApproval> lockById(Long id);

    // declared, not derived: on a hot path (see README, "Queries on hot paths")
    @Query("""
      select case when count(a) > 0 then true else false end from CreditApproval a
      where a.prepaymentPaymentId = :paymentId""")
    boolean existsByPrepaymentPaymentId(Long paymentId);
}
