package dev.o2c.credit;

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
 * A reviewer's decision to grant credit the policy would not: who decided, with which authority, why, and how far
 * beyond the available credit it may go. The reservation that uses it writes what it actually took over the limit.
 */
@Entity
public class CreditApproval {

    public enum Decision {
        APPROVE,
        APPROVE_RAISE_LIMIT,
        PREPAYMENT
    }

    public enum Status {
        AWAITING_SECOND_APPROVAL,
        AUTHORISED,
        REFUSED,
        USED,
        /** The reservation found more over the limit than was authorised (other orders took credit meanwhile). */
        LAPSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long orderId;
    private Long customerId;

    @Enumerated(EnumType.STRING)
    private Decision decision;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String approvedBy;
    private String authorityGroup;
    private String authority;
    private boolean secondApproverRequired;
    private String secondApprovedBy;
    private Instant secondDecidedAt;
    private String secondComment;
    private String currency;
    private BigDecimal orderAmount;
    private BigDecimal creditLimit;
    private BigDecimal exposure;
    private BigDecimal amountOverLimit;
    private BigDecimal authorisedOverLimit;
    private BigDecimal newCreditLimit;
    private BigDecimal prepaymentAmount;
    private Long prepaymentPaymentId;
    private String reason;
    private Instant decidedAt;
    private Instant limitRaisedAt;
    private BigDecimal reservedOverLimit;
    private Instant usedAt;
    private String idempotencyKey;

    @Version
    private long version;

    protected CreditApproval() {}

    CreditApproval(
            CreditReviews.Assessment assessment,
            String approvedBy,
            String reason,
            Instant decidedAt,
            String idempotencyKey) {
        this.orderId = assessment.orderId();
        this.customerId = assessment.customerId();
        this.decision = assessment.choice().approval();
        this.approvedBy = approvedBy;
        this.authorityGroup = assessment.required().group();
        this.authority = assessment.required().authority();
        this.secondApproverRequired = assessment.required().secondApprover();
        this.status = secondApproverRequired ? Status.AWAITING_SECOND_APPROVAL : Status.AUTHORISED;
        this.currency = assessment.currency();
        this.orderAmount = assessment.orderAmount();
        this.creditLimit = assessment.creditLimit();
        this.exposure = assessment.exposure();
        this.amountOverLimit = assessment.granted();
        this.authorisedOverLimit = assessment.authorisedOverLimit();
        this.newCreditLimit = assessment.choice().newCreditLimit();
        this.prepaymentAmount = assessment.choice().prepaymentAmount();
        this.reason = reason;
        this.decidedAt = decidedAt;
        this.idempotencyKey = idempotencyKey;
    }

    void secondApproval(boolean confirmed, String by, String comment, Instant at) {
        if (status != Status.AWAITING_SECOND_APPROVAL) {
            throw new IllegalStateException("approval " + id + " is " + status + ", not awaiting a second approval");
        }
        status = confirmed ? Status.AUTHORISED : Status.REFUSED;
        secondApprovedBy = by;
        secondComment = comment;
        secondDecidedAt = at;
    }

    void limitRaised(Instant at) {
        limitRaisedAt = at;
    }

    void paidBy(long paymentId) {
        prepaymentPaymentId = paymentId;
    }

    void used(BigDecimal overLimit, Instant at) {
        status = Status.USED;
        reservedOverLimit = overLimit;
        usedAt = at;
    }

    void lapsed(Instant at) {
        status = Status.LAPSED;
        usedAt = at;
    }

    /** Who stands behind it: "manager" or "manager and manager2". */
    public String approvers() {
        return secondApprovedBy == null ? approvedBy : approvedBy + " and " + secondApprovedBy;
    }

    public Long getId() {
        return id;
    }

    public Long getOrderId() {
        return orderId;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public Decision getDecision() {
        return decision;
    }

    public Status getStatus() {
        return status;
    }

    public String getApprovedBy() {
        return approvedBy;
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

    public String getSecondApprovedBy() {
        return secondApprovedBy;
    }

    public Instant getSecondDecidedAt() {
        return secondDecidedAt;
    }

    public String getSecondComment() {
        return secondComment;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getOrderAmount() {
        return orderAmount;
    }

    public BigDecimal getCreditLimit() {
        return creditLimit;
    }

    public BigDecimal getExposure() {
        return exposure;
    }

    public BigDecimal getAmountOverLimit() {
        return amountOverLimit;
    }

    public BigDecimal getAuthorisedOverLimit() {
        return authorisedOverLimit;
    }

    public BigDecimal getNewCreditLimit() {
        return newCreditLimit;
    }

    public BigDecimal getPrepaymentAmount() {
        return prepaymentAmount;
    }

    public Long getPrepaymentPaymentId() {
        return prepaymentPaymentId;
    }

    public String getReason() {
        return reason;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Instant getLimitRaisedAt() {
        return limitRaisedAt;
    }

    public BigDecimal getReservedOverLimit() {
        return reservedOverLimit;
    }

    public Instant getUsedAt() {
        return usedAt;
    }
}
