package dev.o2c.billing;

import java.math.BigDecimal;

/** Part of an invoice was settled without money. Published inside the adjusting transaction. */
public record InvoiceAdjusted(long invoiceId, Kind kind, BigDecimal amount) {

    public enum Kind {
        /** Early-payment discount per the payment terms (e.g. 2/10 NET30). */
        DISCOUNT,
        /** A short payment within tolerance, accepted and written off. */
        DEDUCTION,
        /** An uncollectable amount written off as bad debt (approved, or a small residual written off by the system). */
        WRITE_OFF
    }
}
