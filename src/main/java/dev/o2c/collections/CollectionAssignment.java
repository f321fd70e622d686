package dev.o2c.collections;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

/** Who works a customer's collection case: one collector per customer (no row: unassigned). */
@Entity
public class CollectionAssignment {

    @Id
    private Long customerId;

    private String collector;
    private String assignedBy;
    private Instant assignedAt;

    @Version
    private long version;

    protected CollectionAssignment() {}

    CollectionAssignment(long customerId, String collector, String assignedBy, Instant assignedAt) {
        this.customerId = customerId;
        this.collector = collector;
        this.assignedBy = assignedBy;
        this.assignedAt = assignedAt;
    }

    void reassign(String collector, String assignedBy, Instant assignedAt) {
        this.collector = collector;
        this.assignedBy = assignedBy;
        this.assignedAt = assignedAt;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getCollector() {
        return collector;
    }

    public String getAssignedBy() {
        return assignedBy;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }
}
