package dev.o2c.payments;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PaymentAllocationRepository extends JpaRepository<PaymentAllocation, Long> {

    // declared, not derived: on a hot path (see README, "Queries on hot paths")
    @Query("select a from PaymentAllocation a where a.paymentId = :paymentId order by a.id")
    List<PaymentAllocation> findByPaymentIdOrderByIdAsc(Long paymentId);

    List<PaymentAllocation> findByInvoiceIdOrderByIdAsc(Long invoiceId);
}
