package dev.o2c.credit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** The documented credit decision for an order: what was decided, why, on which figures, by whom and when. */
@Entity
public class CreditDecision {

    public enum Outcome {
        APPROVE,
        REVIEW,
        REJECT
    }

    /** POLICY: the credit-decision DMN; REVIEW: a person in a human task. */
    public enum Source {
        POLICY,
        REVIEW
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long orderId;
    private String outcome;
    private String reason;
    private String inputs;
    private String decidedBy;
    private Instant decidedAt;
    private String source;
    private String idempotencyKey;

    protected CreditDecision() {}

    CreditDecision(
            long orderId,
            Outcome outcome,
            String reason,
            String inputs,
            String decidedBy,
            Instant decidedAt,
            Source source,
            String idempotencyKey) {
        this.orderId = orderId;
        this.outcome = outcome.name();
        this.reason = reason;
        this.inputs = inputs;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.source = source.name();
        this.idempotencyKey = idempotencyKey;
    }

    public Long getId() {
        return id;
    }

    public Long getOrderId() {
        return orderId;
    }

    public Outcome getOutcome() {
        return Outcome.valueOf(outcome);
    }

    public String getReason() {
        return reason;
    }

    public String getInputs() {
        return inputs;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Source getSource() {
        return Source.valueOf(source);
    }
}
