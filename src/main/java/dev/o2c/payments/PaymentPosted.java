package dev.o2c.payments;

/**
 * Published inside the posting transaction, for the ledger and anyone else who books on it. It names the customer, so
 * the listeners that run after commit (re-checks, rescoring) need not read the payment again in a transaction of
 * their own.
 */
public record PaymentPosted(long paymentId, long customerId) {}
