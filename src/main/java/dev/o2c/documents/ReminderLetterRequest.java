package dev.o2c.documents;

import java.math.BigDecimal;

/**
 * What a reminder or final notice says, as collections decided it: the level (3 and above is the final notice), the
 * fee and interest charged with it, what is open now and how many days the invoice is overdue.
 */
public record ReminderLetterRequest(
        long invoiceId, int level, BigDecimal fee, BigDecimal interest, BigDecimal openAmount, long daysOverdue) {}
