package dev.o2c.collections.writeoffs;

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

/**
 * A write-off of an uncollectable amount on one invoice: asked for by a collector, approved by who the
 * write-off-authority table names (a second, different approver where it asks for four eyes), then posted to bad debt.
 * Every change goes through a transition that checks the status first.
 */
@Entity
public class WriteOff {

    public enum Status {
        REQUESTED,
        AWAITING_SECOND_APPROVAL,
        APPROVED,
        REJECTED,
        POSTED,
        /** Approved, but the invoice was paid in full meanwhile: nothing left to write off. */
        CANCELED;

        boolean canMoveTo(Status target) {
            return switch (this) {
                case REQUESTED -> target == AWAITING_SECOND_APPROVAL || target == APPROVED || target == REJECTED;
                case AWAITING_SECOND_APPROVAL -> target == APPROVED || target == REJECTED;
                case APPROVED -> target == POSTED || target == CANCELED;
                case REJECTED, POSTED, CANCELED -> false;
            };
        }

        public boolean isOpen() {
            return this == REQUESTED || this == AWAITING_SECOND_APPROVAL || this == APPROVED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long invoiceId;
    private Long customerId;
    private String currency;
    private BigDecimal amount;
    private String reason;

    @Enumerated(EnumType.STRING)
    private Status status;

    private boolean automatic;
    private String requestedBy;
    private Instant requestedAt;
    private int daysOverdue;
    private String riskClass;
    private Long processInstanceKey;
    private String authorityGroup;
    private String authority;
    private boolean secondApproverRequired;
    private String approvedBy;
    private Instant approvedAt;
    private String approvalComment;
    private String secondApprovedBy;
    private Instant secondApprovedAt;
    private String secondApprovalComment;
    private String rejectedBy;
    private Instant rejectedAt;
    private String rejectionReason;
    private BigDecimal postedAmount;
    private Instant postedAt;

    @Version
    private long version;

    protected WriteOff() {}

    WriteOff(
            long invoiceId,
            long customerId,
            String currency,
            BigDecimal amount,
            String reason,
            String requestedBy,
            Instant requestedAt,
            long daysOverdue,
            String riskClass) {
        this.invoiceId = invoiceId;
        this.customerId = customerId;
        this.currency = currency;
        this.amount = amount;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.daysOverdue = Math.toIntExact(daysOverdue);
        this.riskClass = riskClass;
        this.status = Status.REQUESTED;
    }

    /** A small residual written off by the system right away: no approval, posted in the same transaction. */
    static WriteOff automatic(
            long invoiceId,
            long customerId,
            String currency,
            BigDecimal amount,
            String reason,
            Instant at,
            long daysOverdue,
            String riskClass) {
        WriteOff writeOff =
                new WriteOff(invoiceId, customerId, currency, amount, reason, "system", at, daysOverdue, riskClass);
        writeOff.automatic = true;
        writeOff.authority = reason;
        writeOff.approvedBy = "system";
        writeOff.approvedAt = at;
        writeOff.moveTo(Status.APPROVED);
        return writeOff;
    }

    /** Records the approval's process instance: the first to ask wins, asking again is harmless, others are refused. */
    boolean started(long processInstanceKey) {
        if (!DuplicateStart.takes(this.processInstanceKey, processInstanceKey)) {
            return false;
        }
        this.processInstanceKey = processInstanceKey;
        return true;
    }

    /** Keeps who the authority table says may approve (the process's business rule task decided it). */
    void routeTo(String group, boolean secondApprover, String authority) {
        requireStatus(Status.REQUESTED, "route");
        this.authorityGroup = group;
        this.secondApproverRequired = secondApprover;
        this.authority = authority;
    }

    void approve(String by, Instant at, String comment) {
        if (by.equals(requestedBy)) {
            throw new IllegalWriteOffTransitionException("four eyes: " + by + " asked for write-off " + id);
        }
        moveTo(secondApproverRequired ? Status.AWAITING_SECOND_APPROVAL : Status.APPROVED);
        approvedBy = by;
        approvedAt = at;
        approvalComment = comment;
    }

    void confirm(String by, Instant at, String comment) {
        requireStatus(Status.AWAITING_SECOND_APPROVAL, "confirm");
        if (by.equals(approvedBy) || by.equals(requestedBy)) {
            throw new IllegalWriteOffTransitionException(
                    "four eyes: the second approval of write-off " + id + " needs a third person, not " + by);
        }
        moveTo(Status.APPROVED);
        secondApprovedBy = by;
        secondApprovedAt = at;
        secondApprovalComment = comment;
    }

    void reject(String by, Instant at, String reason) {
        moveTo(Status.REJECTED);
        rejectedBy = by;
        rejectedAt = at;
        rejectionReason = reason;
    }

    void posted(BigDecimal amount, Instant at) {
        moveTo(Status.POSTED);
        postedAmount = amount;
        postedAt = at;
    }

    void cancel(Instant at) {
        moveTo(Status.CANCELED);
        postedAt = at;
    }

    private void requireStatus(Status expected, String step) {
        if (status != expected) {
            throw new IllegalWriteOffTransitionException(
                    "write-off " + id + " is " + status + "; cannot " + step + " it");
        }
    }

    private void moveTo(Status target) {
        if (!status.canMoveTo(target)) {
            throw new IllegalWriteOffTransitionException(
                    "write-off " + id + " cannot go from " + status + " to " + target);
        }
        status = target;
    }

    public Long getId() {
        return id;
    }

    public Long getInvoiceId() {
        return invoiceId;
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

    public String getReason() {
        return reason;
    }

    public Status getStatus() {
        return status;
    }

    public boolean isAutomatic() {
        return automatic;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public int getDaysOverdue() {
        return daysOverdue;
    }

    public String getRiskClass() {
        return riskClass;
    }

    public Long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public String getAuthorityGroup() {
        return authorityGroup;
    }

    public String getAuthority() {
        return authority;
    }

    public boolean isSecondApproverRequired() {
        return secondApproverRequired;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public String getApprovalComment() {
        return approvalComment;
    }

    public String getSecondApprovedBy() {
        return secondApprovedBy;
    }

    public Instant getSecondApprovedAt() {
        return secondApprovedAt;
    }

    public String getSecondApprovalComment() {
        return secondApprovalComment;
    }

    public String getRejectedBy() {
        return rejectedBy;
    }

    public Instant getRejectedAt() {
        return rejectedAt;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public BigDecimal getPostedAmount() {
        return postedAmount;
    }

    public Instant getPostedAt() {
        return postedAt;
    }
}
