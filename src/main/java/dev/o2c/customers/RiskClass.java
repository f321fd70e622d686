package dev.o2c.customers;

/** A (lowest risk) to D (prepayment only); the credit and dunning policies branch on it. */
public enum RiskClass {
    A,
    B,
    C,
    D
}
