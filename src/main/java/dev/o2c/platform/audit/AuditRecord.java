package dev.o2c.platform.audit;

import dev.o2c.platform.text.Texts;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who did what to which record, when and why. Written in the same transaction as the change it describes. */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

    @Id
    // fifty ids per round trip to the sequence, so many rows insert as one JDBC batch (V49)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_record_ids")
    @SequenceGenerator(name = "audit_record_ids", sequenceName = "audit_record_id_seq", allocationSize = 50)
    private Long id;

    private Instant at;
    private String actor;
    private String action;
    private String entityType;
    private String entityId;
    private String details;
    private String reason;

    /** audit_record.reason; the full text of an answer stays in details (text). */
    static final int REASON_LENGTH = 1000;

    protected AuditRecord() {}

    AuditRecord(
            Instant at,
            String actor,
            String action,
            String entityType,
            String entityId,
            String details,
            String reason) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.details = details;
        this.reason = Texts.fit(reason, REASON_LENGTH);
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public String getDetails() {
        return details;
    }

    public String getReason() {
        return reason;
    }
}
