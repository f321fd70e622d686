package dev.o2c.billing;

/** A customer's credit was applied to an invoice or refunded. Published inside the recording transaction. */
public record CustomerCreditUsed(long customerCreditUseId) {}
