package dev.o2c.credit;

/**
 * Published inside the transaction that records a credit alert. Collections, which owns the e-mail outbox, turns it
 * into an e-mail to {@code recipient} in that same transaction (credit may not use collections: it is downstream).
 */
public record CreditAlertRaised(
        long alertId, long customerId, String customerName, String kind, String message, String recipient) {}
