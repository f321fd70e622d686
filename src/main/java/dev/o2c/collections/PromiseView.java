package dev.o2c.collections;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A promise to pay and what became of it (OPEN, KEPT, BROKEN, REPLACED). */
public record PromiseView(
        long id,
        long invoiceId,
        LocalDate promisedDate,
        BigDecimal amount,
        String currency,
        String status,
        String recordedBy,
        Instant recordedAt,
        Instant resolvedAt) {

    public static PromiseView of(CollectionPromise p) {
        return new PromiseView(
                p.getId(),
                p.getInvoiceId(),
                p.getPromisedDate(),
                p.getAmount(),
                p.getCurrency(),
                p.getStatus().name(),
                p.getRecordedBy(),
                p.getRecordedAt(),
                p.getResolvedAt());
    }
}
