package dev.o2c.bankstatements;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One movement on the account as the bank reported it: an entry, or one transaction of a batched entry. Only what
 * cash application needs; the statement itself is kept as received.
 */
public record BankTransaction(
        String bankReference,
        BigDecimal amount,
        String currency,
        boolean credit,
        boolean booked,
        LocalDate bookingDate,
        LocalDate valueDate,
        String debtorName,
        String debtorIban,
        String creditorReference,
        String remittanceText,
        String endToEndId,
        /** How long the remittance text was when it had to be cut to {@code remittanceText}; null when kept whole. */
        Integer remittanceCutFrom) {}
