package dev.o2c.payments;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Money received from a customer. What is not allocated to invoices stays as unapplied credit. */
@Entity
public class Payment {

    @Id
    // pooled ids (V49): the row is inserted at flush, with what was allocated, not inserted and then updated
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_ids")
    @SequenceGenerator(name = "payment_ids", sequenceName = "payment_id_seq", allocationSize = 50)
    private Long id;

    private Long customerId;
    private BigDecimal amount;
    private String currency;
    private String reference;
    private LocalDate valueDate;
    private BigDecimal unappliedAmount;
    private String idempotencyKey;
    private String postedBy;
    private Instant postedAt;

    protected Payment() {}

    Payment(
            long customerId,
            BigDecimal amount,
            String currency,
            String reference,
            LocalDate valueDate,
            String idempotencyKey,
            String postedBy,
            Instant postedAt) {
        this.customerId = customerId;
        this.amount = amount;
        this.currency = currency;
        this.reference = reference;
        this.valueDate = valueDate;
        this.unappliedAmount = amount;
        this.idempotencyKey = idempotencyKey;
        this.postedBy = postedBy;
        this.postedAt = postedAt;
    }

    void allocated(BigDecimal part) {
        if (part.compareTo(unappliedAmount) > 0) {
            throw new IllegalArgumentException("cannot allocate more than the unapplied " + unappliedAmount);
        }
        unappliedAmount = unappliedAmount.subtract(part);
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getReference() {
        return reference;
    }

    public LocalDate getValueDate() {
        return valueDate;
    }

    public BigDecimal getUnappliedAmount() {
        return unappliedAmount;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getPostedBy() {
        return postedBy;
    }

    public Instant getPostedAt() {
        return postedAt;
    }
}
