package dev.o2c.collections.disputes;

import dev.o2c.platform.engine.DuplicateStart;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** A customer's dispute of (part of) one invoice, and how it was resolved. */
@Entity
public class Dispute {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long invoiceId;
    private String invoiceNumber;
    private Long customerId;
    private String currency;
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    private DisputeReason reasonCode;

    private String comment;

    @Enumerated(EnumType.STRING)
    private DisputeStatus status;

    private String openedBy;
    private Instant openedAt;
    private Long processInstanceKey;
    private BigDecimal acceptedAmount;
    private String rejectionReason;
    private String resolvedBy;
    private Instant resolvedAt;
    private Long creditNoteId;

    @Version
    private long version;

    protected Dispute() {}

    Dispute(
            long invoiceId,
            String invoiceNumber,
            long customerId,
            String currency,
            BigDecimal amount,
            DisputeReason reasonCode,
            String comment,
            String openedBy,
            Instant openedAt) {
        this.invoiceId = invoiceId;
        this.invoiceNumber = invoiceNumber;
        this.customerId = customerId;
        this.currency = currency;
        this.amount = amount;
        this.reasonCode = reasonCode;
        this.comment = comment;
        this.openedBy = openedBy;
        this.openedAt = openedAt;
        this.status = DisputeStatus.OPEN;
    }

    /**
     * Records the process instance that resolves this dispute. The first to ask wins and asking again is harmless; any
     * other instance is refused, and so is every instance of a dispute withdrawn because its start seemed to fail.
     */
    boolean startedAs(long processInstanceKey) {
        if (!DuplicateStart.takes(this.processInstanceKey, processInstanceKey)
                || (this.processInstanceKey == null && status == DisputeStatus.CANCELLED)) {
            return false;
        }
        this.processInstanceKey = processInstanceKey;
        return true;
    }

    /** OPEN -> ESCALATED: the routed team missed the SLA. */
    void escalate() {
        moveTo(DisputeStatus.ESCALATED);
    }

    /** Accepted in full (the whole disputed amount) or in part, with the credit note issued for it. */
    void accept(BigDecimal accepted, long creditNoteId, String by, Instant at) {
        moveTo(accepted.compareTo(amount) == 0 ? DisputeStatus.ACCEPTED : DisputeStatus.PARTIALLY_ACCEPTED);
        this.acceptedAmount = accepted;
        this.creditNoteId = creditNoteId;
        resolved(by, at);
    }

    void reject(String reason, String by, Instant at) {
        moveTo(DisputeStatus.REJECTED);
        this.rejectionReason = reason;
        resolved(by, at);
    }

    /** Its process could not be started: the dispute is taken back and dunning goes on. */
    void cancel(String by, Instant at) {
        moveTo(DisputeStatus.CANCELLED);
        resolved(by, at);
    }

    private void resolved(String by, Instant at) {
        this.resolvedBy = by;
        this.resolvedAt = at;
    }

    private void moveTo(DisputeStatus target) {
        if (!status.canMoveTo(target)) {
            throw new IllegalDisputeTransitionException(
                    "dispute " + id + " cannot go from " + status + " to " + target);
        }
        status = target;
    }

    public Long getId() {
        return id;
    }

    public Long getInvoiceId() {
        return invoiceId;
    }

    public String getInvoiceNumber() {
        return invoiceNumber;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public DisputeReason getReasonCode() {
        return reasonCode;
    }

    public String getComment() {
        return comment;
    }

    public DisputeStatus getStatus() {
        return status;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public BigDecimal getAcceptedAmount() {
        return acceptedAmount;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public String getResolvedBy() {
        return resolvedBy;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public Long getCreditNoteId() {
        return creditNoteId;
    }
}
