package dev.o2c.billing;

/** OPEN until money arrives, PARTIALLY_PAID while some is still open, PAID when nothing is. */
public enum InvoiceStatus {
    OPEN,
    PARTIALLY_PAID,
    PAID;

    public boolean canMoveTo(InvoiceStatus target) {
        return switch (this) {
            case OPEN -> target == PARTIALLY_PAID || target == PAID;
            case PARTIALLY_PAID -> target == PARTIALLY_PAID || target == PAID;
            case PAID -> false;
        };
    }

    public boolean isOpen() {
        return this != PAID;
    }
}
