package dev.o2c.documents;

import java.math.BigDecimal;

/**
 * What a reminder or final notice says, as collections decided it: the level (3 and above is the final notice), the
 * recovery fee and interest charged with it (the interest's yearly rate and the overdue days it covers; rate null when
 * none was charged), what is open now and how many days the invoice is overdue.
 */
public record ReminderLetterRequest(
        long invoiceId,
        int level,
        BigDecimal fee,
        BigDecimal interest,
        BigDecimal openAmount,
        long daysOverdue,
        BigDecimal interestRate,
        int interestDays) {

    /** A reminder that says nothing of how its interest was computed. */
    public ReminderLetterRequest(
            long invoiceId, int level, BigDecimal fee, BigDecimal interest, BigDecimal openAmount, long daysOverdue) {
        this(invoiceId, level, fee, interest, openAmount, daysOverdue, null, 0);
    }
}
