package dev.o2c.payments;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import java.math.BigDecimal;

@Entity
public class PaymentAllocation {

    @Id
    // pooled ids (V49): the row is inserted at flush, with what was allocated, not inserted and then updated
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_allocation_ids")
    @SequenceGenerator(name = "payment_allocation_ids", sequenceName = "payment_allocation_id_seq", allocationSize = 50)
    private Long id;

    private Long paymentId;
    private Long invoiceId;
    private BigDecimal amount;

    protected PaymentAllocation() {}

    PaymentAllocation(long paymentId, long invoiceId, BigDecimal amount) {
        this.paymentId = paymentId;
        this.invoiceId = invoiceId;
        this.amount = amount;
    }

    public Long getId() {
        return id;
    }

    public Long getPaymentId() {
        return paymentId;
    }

    public Long getInvoiceId() {
        return invoiceId;
    }

    public BigDecimal getAmount() {
        return amount;
    }
}
