package dev.o2c.billing;

/** Published inside the issuing transaction, for the ledger and anyone else who books on it. */
public record InvoiceIssued(long invoiceId) {}
