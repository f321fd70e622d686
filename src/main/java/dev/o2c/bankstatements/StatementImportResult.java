package dev.o2c.bankstatements;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** What an import did, per statement in the file. */
public record StatementImportResult(boolean duplicate, String message, List<StatementSummary> statements) {

    public record StatementSummary(
            long statementId,
            String messageType,
            String messageId,
            String bankStatementId,
            String accountIban,
            boolean duplicate,
            int entries,
            int credits,
            int debits,
            int matchedAutomatically,
            int awaitingClerk,
            int notApplicable,
            Map<String, Totals> totals) {}

    public record Totals(BigDecimal credited, BigDecimal debited) {

        Totals add(BankEntry entry) {
            return entry.isCredit()
                    ? new Totals(credited.add(entry.getAmount()), debited)
                    : new Totals(credited, debited.add(entry.getAmount()));
        }
    }
}
