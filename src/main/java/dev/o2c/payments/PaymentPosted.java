package dev.o2c.payments;

/** Published inside the posting transaction, for the ledger and anyone else who books on it. */
public record PaymentPosted(long paymentId) {}
