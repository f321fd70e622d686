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

    boolean existsByPrepaymentPaymentId(Long paymentId);
}
