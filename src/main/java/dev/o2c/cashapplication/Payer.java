package dev.o2c.cashapplication;

/** A customer as a payer: how the bank may name them. */
public record Payer(long customerId, String name, String iban, String currency) {}
