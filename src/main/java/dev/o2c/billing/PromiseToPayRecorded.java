package dev.o2c.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A customer promised to pay an invoice by a date (published inside the transaction that recorded it). Collections
 * keeps every promise to tell a kept one from a broken one; the open and charged amounts are the invoice's at that
 * moment.
 */
public record PromiseToPayRecorded(
        long invoiceId,
        long customerId,
        LocalDate promisedDate,
        BigDecimal openAmount,
        BigDecimal chargesAmount,
        String currency,
        String actor) {}
