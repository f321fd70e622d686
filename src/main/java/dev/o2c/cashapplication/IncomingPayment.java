package dev.o2c.cashapplication;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Money a payer sent, with whatever the payer wrote: what cash application has to go on. */
public record IncomingPayment(
        BigDecimal amount,
        String currency,
        LocalDate valueDate,
        String debtorName,
        String debtorIban,
        String creditorReference,
        String remittanceText) {}
