package dev.o2c.billing;

import java.math.BigDecimal;

/**
 * Part of an invoice was settled without money. Published inside the adjusting transaction. For a credit note,
 * {@code amount} is its total and {@code creditNoteId} names it (its net, VAT and any customer credit are on it).
 */
public record InvoiceAdjusted(long invoiceId, Kind kind, BigDecimal amount, Long creditNoteId) {

    public InvoiceAdjusted(long invoiceId, Kind kind, BigDecimal amount) {
        this(invoiceId, kind, amount, null);
    }

    public enum Kind {
        /** Early-payment discount per the payment terms (e.g. 2/10 NET30). */
        DISCOUNT,
        /** A short payment within tolerance, accepted and written off. */
        DEDUCTION,
        /**
         * A credit note: revenue and VAT reversed; beyond what was open it reverses write-offs, discounts and
         * deductions, and only the rest becomes customer credit.
         */
        CREDIT_NOTE,
        /** An uncollectable amount written off as bad debt (approved, or a small residual written off by the system). */
        WRITE_OFF
    }
}
