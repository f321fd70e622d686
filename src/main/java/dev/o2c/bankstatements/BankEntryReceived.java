package dev.o2c.bankstatements;

/** A credit on a statement is stored with its proposal; its payment-posting process starts after commit. */
public record BankEntryReceived(long bankEntryId) {}
