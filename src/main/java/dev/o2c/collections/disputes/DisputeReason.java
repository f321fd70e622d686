package dev.o2c.collections.disputes;

/** Why the customer disputes the invoice; the dispute-routing table sends each to a team. */
public enum DisputeReason {
    PRICE,
    QUANTITY,
    DAMAGED_GOODS,
    NOT_RECEIVED,
    DUPLICATE_BILLING,
    OTHER
}
