package dev.o2c.collections.disputes;

/** What the resolver decided (the form's disputeOutcome). */
public enum DisputeOutcome {
    ACCEPT_FULL,
    ACCEPT_PART,
    REJECT
}
