package dev.o2c.credit.scoring;

import dev.o2c.credit.IllegalCreditTransitionException;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A line a customer crossed, for the credit analysts: OPEN until someone acknowledges it. */
@Entity
@Table(name = "credit_alert")
public class CreditAlert {

    public enum Kind {
        /** Utilisation rose to 80 % of the limit or more (from below). */
        UTILISATION_80,
        /** Utilisation rose to 100 % of the limit or more (from below). */
        UTILISATION_100,
        /** The score moved the customer to a worse risk class. */
        RISK_CLASS_DROP,
        /** The bureau reports the customer insolvent (newly). */
        BUREAU_INSOLVENCY
    }

    public enum Status {
        OPEN,
        ACKNOWLEDGED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long customerId;
    private long scoreId;
    private String kind;
    private String message;
    private Instant raisedAt;
    private String status;
    private String acknowledgedBy;
    private Instant acknowledgedAt;

    protected CreditAlert() {}

    CreditAlert(long customerId, long scoreId, Kind kind, String message, Instant raisedAt) {
        this.customerId = customerId;
        this.scoreId = scoreId;
        this.kind = kind.name();
        this.message = message;
        this.raisedAt = raisedAt;
        this.status = Status.OPEN.name();
    }

    void acknowledge(String user, Instant at) {
        if (getStatus() != Status.OPEN) {
            throw new IllegalCreditTransitionException(
                    "alert " + id + " was already acknowledged by " + acknowledgedBy + " at " + acknowledgedAt);
        }
        status = Status.ACKNOWLEDGED.name();
        acknowledgedBy = user;
        acknowledgedAt = at;
    }

    public Long getId() {
        return id;
    }

    public long getCustomerId() {
        return customerId;
    }

    public long getScoreId() {
        return scoreId;
    }

    public Kind getKind() {
        return Kind.valueOf(kind);
    }

    public String getMessage() {
        return message;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public Status getStatus() {
        return Status.valueOf(status);
    }

    public String getAcknowledgedBy() {
        return acknowledgedBy;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }
}
