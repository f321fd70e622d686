package dev.o2c.bankstatements;

/**
 * A credit on a statement is stored with its proposal; it is posted or its payment-posting process starts after
 * commit. The customer the proposal names (null when none) keeps one customer's entries in order.
 */
public record BankEntryReceived(long bankEntryId, Long customerId) {}
