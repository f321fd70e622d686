package dev.o2c.credit.limits;

import dev.o2c.platform.engine.DuplicateStart;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * One credit-limit-review: who asked and why, the recommendation, the approver's decision with its authority, the
 * second approver where four eyes are needed, and the limit that took effect. Status changes only through the
 * methods below, each refusing a change its current status does not allow.
 */
@Entity
@Table(name = "credit_limit_review")
public class LimitReview {

    public enum Trigger {
        /** Sales or credit staff asked for another limit. */
        REQUEST,
        /** The customer's periodic review came due (yearly for A/B, quarterly for C/D). */
        PERIODIC,
        /** An alert (scoring: utilisation, a drop of risk class, insolvency) asked for a review. */
        ALERT
    }

    public enum Status {
        OPEN,
        AWAITING_SECOND_APPROVAL,
        /** Decided and authorised; the new limit is being set. */
        APPROVED,
        APPLIED,
        REFUSED;

        public static final Set<Status> IN_PROGRESS = EnumSet.of(OPEN, AWAITING_SECOND_APPROVAL, APPROVED);
    }

    public enum Decision {
        /** Set the recommended limit. */
        ACCEPT,
        /** Set another limit the approver chose. */
        CHANGE,
        /** Keep the limit as it is. */
        REFUSE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long customerId;

    @Enumerated(EnumType.STRING)
    private Trigger trigger;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String currency;
    private BigDecimal requestedLimit;
    private String requestedBy;
    private String reason;
    private Instant requestedAt;
    private Long processInstanceKey;
    private String facts;
    private BigDecimal currentLimit;
    private BigDecimal recommendedLimit;
    private String recommendation;
    private String reviewGroup;

    @Enumerated(EnumType.STRING)
    private Decision decision;

    private BigDecimal decidedLimit;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionComment;
    private String authorityGroup;
    private String authority;
    private boolean secondApproverRequired;
    private String secondApprovedBy;
    private Instant secondDecidedAt;
    private String secondComment;
    private BigDecimal oldLimit;
    private BigDecimal newLimit;
    private Instant closedAt;

    @Version
    private long version;

    protected LimitReview() {}

    LimitReview(
            long customerId,
            Trigger trigger,
            String currency,
            BigDecimal requestedLimit,
            String requestedBy,
            String reason,
            Instant requestedAt) {
        this.customerId = customerId;
        this.trigger = trigger;
        this.status = Status.OPEN;
        this.currency = currency;
        this.requestedLimit = requestedLimit;
        this.requestedBy = requestedBy;
        this.reason = reason;
        this.requestedAt = requestedAt;
    }

    /** Records the review's process instance: the first to ask wins, asking again is harmless, others are refused. */
    boolean started(long processInstanceKey) {
        if (!DuplicateStart.takes(this.processInstanceKey, processInstanceKey)) {
            return false;
        }
        this.processInstanceKey = processInstanceKey;
        return true;
    }

    /** The facts the recommendation is made on; a repeated job overwrites them with today's. */
    void factsGathered(String facts, BigDecimal currentLimit) {
        requireStatus(Status.OPEN, "gather facts");
        this.facts = facts;
        this.currentLimit = currentLimit;
    }

    /** The table's proposal and the group it goes to; a repeated job overwrites it with the same answer. */
    void recommended(BigDecimal recommendedLimit, String recommendation, String group) {
        requireStatus(Status.OPEN, "take a recommendation");
        this.recommendedLimit = recommendedLimit;
        this.recommendation = recommendation;
        this.reviewGroup = group;
    }

    void decided(
            Decision decision,
            BigDecimal decidedLimit,
            String by,
            String comment,
            String authorityGroup,
            String authority,
            boolean secondApproverRequired,
            Instant at) {
        requireStatus(Status.OPEN, "record a decision");
        this.decision = decision;
        this.decidedLimit = decidedLimit;
        this.decidedBy = by;
        this.decisionComment = comment;
        this.authorityGroup = authorityGroup;
        this.authority = authority;
        this.secondApproverRequired = secondApproverRequired;
        this.decidedAt = at;
        if (decision == Decision.REFUSE) {
            this.status = Status.REFUSED;
            this.closedAt = at;
        } else {
            this.status = secondApproverRequired ? Status.AWAITING_SECOND_APPROVAL : Status.APPROVED;
        }
    }

    void secondDecided(boolean confirmed, String by, String comment, Instant at) {
        requireStatus(Status.AWAITING_SECOND_APPROVAL, "record a second approval");
        this.secondApprovedBy = by;
        this.secondComment = comment;
        this.secondDecidedAt = at;
        if (confirmed) {
            this.status = Status.APPROVED;
        } else {
            this.status = Status.REFUSED;
            this.closedAt = at;
        }
    }

    void applied(BigDecimal oldLimit, BigDecimal newLimit, Instant at) {
        requireStatus(Status.APPROVED, "set the new limit");
        this.oldLimit = oldLimit;
        this.newLimit = newLimit;
        this.status = Status.APPLIED;
        this.closedAt = at;
    }

    private void requireStatus(Status required, String what) {
        if (status != required) {
            throw new IllegalLimitReviewTransitionException(
                    "limit review " + id + " is " + status + ", cannot " + what + " (needs " + required + ")");
        }
    }

    /** Who decided, one or two people, as the audit trail names them. */
    public String approvers() {
        return secondApprovedBy == null ? decidedBy : decidedBy + " + " + secondApprovedBy;
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public Trigger getTrigger() {
        return trigger;
    }

    public Status getStatus() {
        return status;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getRequestedLimit() {
        return requestedLimit;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getReason() {
        return reason;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public String getFacts() {
        return facts;
    }

    public BigDecimal getCurrentLimit() {
        return currentLimit;
    }

    public BigDecimal getRecommendedLimit() {
        return recommendedLimit;
    }

    public String getRecommendation() {
        return recommendation;
    }

    public String getReviewGroup() {
        return reviewGroup;
    }

    public Decision getDecision() {
        return decision;
    }

    public BigDecimal getDecidedLimit() {
        return decidedLimit;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionComment() {
        return decisionComment;
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

    public BigDecimal getOldLimit() {
        return oldLimit;
    }

    public BigDecimal getNewLimit() {
        return newLimit;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
