package dev.o2c.cashapplication;

import java.time.Instant;

/**
 * What a clerk's match taught the matcher: payments from this account ({@code IBAN}) or under this normalised name
 * ({@code NAME}) are this customer's. Who taught it, when, and from which bank entry.
 */
public record LearnedPayer(
        long id,
        String kind,
        String payerKey,
        long customerId,
        String learnedBy,
        Instant learnedAt,
        Long learnedFromEntry) {}
