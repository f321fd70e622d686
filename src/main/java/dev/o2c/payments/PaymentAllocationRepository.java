package dev.o2c.payments;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PaymentAllocationRepository extends JpaRepository<PaymentAllocation, Long> {

    @Query("select a from PaymentAllocation a where a.paymentId = :paymentId order by a.id")
    List<PaymentAllocation> findByPaymentIdOrderByIdAsc(Long paymentId);

    List<PaymentAllocation> findByInvoiceIdOrderByIdAsc(Long invoiceId);
}
