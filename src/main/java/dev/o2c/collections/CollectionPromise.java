package dev.o2c.collections;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A customer's promise to pay an amount of one invoice by a date, from the collections follow-up task or the
 * worklist. OPEN until the date has passed; then KEPT when at least the amount was paid since, else BROKEN. A newer
 * promise on the same invoice REPLACES an open one.
 */
@Entity
public class CollectionPromise {

    public enum Status {
        OPEN,
        KEPT,
        BROKEN,
        REPLACED;

        boolean canMoveTo(Status target) {
            return this == OPEN && target != OPEN;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long customerId;
    private Long invoiceId;
    private LocalDate promisedDate;
    private BigDecimal amount;
    private String currency;
    private BigDecimal openAtPromise;
    private BigDecimal chargesAtPromise;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String recordedBy;
    private Instant recordedAt;
    private Instant resolvedAt;

    protected CollectionPromise() {}

    CollectionPromise(
            long customerId,
            long invoiceId,
            LocalDate promisedDate,
            BigDecimal amount,
            String currency,
            BigDecimal openAtPromise,
            BigDecimal chargesAtPromise,
            String recordedBy,
            Instant recordedAt) {
        this.customerId = customerId;
        this.invoiceId = invoiceId;
        this.promisedDate = promisedDate;
        this.amount = amount;
        this.currency = currency;
        this.openAtPromise = openAtPromise;
        this.chargesAtPromise = chargesAtPromise;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.status = Status.OPEN;
    }

    /**
     * What was paid on the invoice since the promise: the drop of its open amount, plus the dunning charges added
     * since (they raised the open amount without the customer owing the promise more).
     */
    BigDecimal paidSince(BigDecimal openNow, BigDecimal chargesNow) {
        return openAtPromise.subtract(openNow).add(chargesNow.subtract(chargesAtPromise));
    }

    /** The date has passed: KEPT when at least the promised amount was paid since (or nothing is open), else BROKEN. */
    Status resolve(BigDecimal openNow, BigDecimal chargesNow, Instant at) {
        boolean kept = openNow.signum() == 0 || paidSince(openNow, chargesNow).compareTo(amount) >= 0;
        moveTo(kept ? Status.KEPT : Status.BROKEN, at);
        return status;
    }

    void replace(Instant at) {
        moveTo(Status.REPLACED, at);
    }

    private void moveTo(Status target, Instant at) {
        if (!status.canMoveTo(target)) {
            throw new IllegalCollectionTransitionException(
                    "promise " + id + " is " + status + " and cannot become " + target);
        }
        status = target;
        resolvedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public Long getInvoiceId() {
        return invoiceId;
    }

    public LocalDate getPromisedDate() {
        return promisedDate;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public Status getStatus() {
        return status;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }
}
