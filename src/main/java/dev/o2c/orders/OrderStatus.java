package dev.o2c.orders;

import java.util.EnumSet;
import java.util.Set;

/** The order's life; every change goes through {@link #canMoveTo}. */
public enum OrderStatus {
    CREDIT_CHECK,
    CREDIT_REVIEW,
    /** Released on prepayment after review: waits for the customer's payment of the stated amount. */
    AWAITING_PREPAYMENT,
    APPROVED,
    REJECTED,
    SHIPPED,
    INVOICED,
    COMPLETED;

    private Set<OrderStatus> next() {
        return switch (this) {
            case CREDIT_CHECK -> EnumSet.of(CREDIT_REVIEW, APPROVED, REJECTED);
            // a reservation that fails after an approval sends the order back to review
            case CREDIT_REVIEW -> EnumSet.of(APPROVED, REJECTED, AWAITING_PREPAYMENT);
            // paid: reserve; no payment in time: reject; paid but the credit is gone meanwhile: review again
            case AWAITING_PREPAYMENT -> EnumSet.of(APPROVED, REJECTED, CREDIT_REVIEW);
            case APPROVED -> EnumSet.of(SHIPPED, CREDIT_REVIEW);
            case SHIPPED -> EnumSet.of(INVOICED);
            case INVOICED -> EnumSet.of(COMPLETED);
            case REJECTED, COMPLETED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    /** Credit is reserved from approval until the invoice takes over the exposure. */
    public boolean holdsReservation() {
        return this == APPROVED || this == SHIPPED;
    }
}
