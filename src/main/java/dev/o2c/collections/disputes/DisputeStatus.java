package dev.o2c.collections.disputes;

/**
 * OPEN with the routed team, ESCALATED to credit managers after its SLA, then ACCEPTED (credit note for the whole
 * disputed amount), PARTIALLY_ACCEPTED (credit note for part of it) or REJECTED. CANCELLED when its process could not
 * be started. Only OPEN and ESCALATED are unresolved: they keep the disputed amount out of dunning.
 */
public enum DisputeStatus {
    OPEN,
    ESCALATED,
    ACCEPTED,
    PARTIALLY_ACCEPTED,
    REJECTED,
    CANCELLED;

    public boolean isUnresolved() {
        return this == OPEN || this == ESCALATED;
    }

    public boolean canMoveTo(DisputeStatus target) {
        return switch (this) {
            case OPEN -> target != OPEN;
            case ESCALATED -> target != OPEN && target != ESCALATED;
            case ACCEPTED, PARTIALLY_ACCEPTED, REJECTED, CANCELLED -> false;
        };
    }
}
