package dev.o2c.bankstatements;

import java.util.List;

/** A camt.053 statement or camt.054 notification reduced to what we import; one per account report in the file. */
public record ParsedStatement(
        String messageType,
        String messageId,
        String statementId,
        String accountIban,
        List<BankTransaction> transactions) {}
