package dev.o2c.collections;

import java.time.Instant;

/** Who works a customer's collection case ({@code collector} null: no one). */
public record AssignmentView(long customerId, String collector, String assignedBy, Instant assignedAt) {

    public static AssignmentView of(CollectionAssignment a) {
        return new AssignmentView(a.getCustomerId(), a.getCollector(), a.getAssignedBy(), a.getAssignedAt());
    }
}
