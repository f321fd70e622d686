package dev.o2c.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A journal entry being put together; {@link Journal#post} refuses it unless debits equal credits. */
final class JournalDraft {

    record Line(LedgerAccount account, BigDecimal debit, BigDecimal credit) {}

    final LocalDate effectiveDate;
    final String kind;
    final String document;
    final String description;
    final Long customerId;
    final String currency;
    final String postedBy;
    final String idempotencyKey;
    final List<Line> lines = new ArrayList<>();

    JournalDraft(
            LocalDate effectiveDate,
            String kind,
            String document,
            String description,
            Long customerId,
            String currency,
            String postedBy,
            String idempotencyKey) {
        this.effectiveDate = effectiveDate;
        this.kind = kind;
        this.document = document;
        this.description = description;
        this.customerId = customerId;
        this.currency = currency;
        this.postedBy = postedBy;
        this.idempotencyKey = idempotencyKey;
    }

    /** Zero amounts are left out: a line says something happened. */
    JournalDraft debit(LedgerAccount account, BigDecimal amount) {
        if (amount.signum() > 0) {
            lines.add(new Line(account, amount, BigDecimal.ZERO));
        }
        return this;
    }

    JournalDraft credit(LedgerAccount account, BigDecimal amount) {
        if (amount.signum() > 0) {
            lines.add(new Line(account, BigDecimal.ZERO, amount));
        }
        return this;
    }

    BigDecimal imbalance() {
        return lines.stream()
                .map(line -> line.debit().subtract(line.credit()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
