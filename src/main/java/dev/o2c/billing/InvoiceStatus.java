package dev.o2c.billing;

/**
 * OPEN until money arrives, PARTIALLY_PAID while some is still open, PAID when nothing is. WRITTEN_OFF when an
 * approved write-off closed it: what was left will not be paid (a small residual written off by the system after a
 * payment leaves it PAID). PAID and WRITTEN_OFF are final.
 */
public enum InvoiceStatus {
    OPEN,
    PARTIALLY_PAID,
    PAID,
    WRITTEN_OFF;

    public boolean canMoveTo(InvoiceStatus target) {
        return switch (this) {
            case OPEN, PARTIALLY_PAID -> target == PARTIALLY_PAID || target == PAID || target == WRITTEN_OFF;
            case PAID, WRITTEN_OFF -> false;
        };
    }

    /** Something may still be collected: OPEN or PARTIALLY_PAID (the statuses in SQL: 'OPEN', 'PARTIALLY_PAID'). */
    public boolean isOpen() {
        return this == OPEN || this == PARTIALLY_PAID;
    }
}
