package dev.o2c.ledger;

import dev.o2c.platform.audit.AuditLog;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The double-entry journal. Entries are only ever added: a balanced entry per business event (idempotent by its key),
 * and a mirrored entry to correct one. The database enforces both rules again, so no code path can get around them.
 */
@Service
public class Journal {

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Journal(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Posts within the caller's transaction; an entry with a key already posted is not posted again. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Long> post(JournalDraft draft) {
        if (draft.lines.isEmpty()) {
            return Optional.empty();
        }
        if (draft.imbalance().signum() != 0) {
            throw new IllegalStateException(
                    draft.kind + " for " + draft.document + " does not balance by " + draft.imbalance());
        }
        List<Long> ids = jdbc.queryForList(
                """
        insert into journal_entry (posted_at, effective_date, kind, document, description, customer_id, currency,
                                   posted_by, idempotency_key, reversal_of)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (idempotency_key) do nothing
        returning id""",
                Long.class,
                Timestamp.from(clock.instant()),
                Date.valueOf(draft.effectiveDate),
                draft.kind,
                draft.document,
                draft.description,
                draft.customerId,
                draft.currency,
                draft.postedBy,
                draft.idempotencyKey,
                null);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        long entryId = ids.get(0);
        insertLines(entryId, draft.lines);
        return Optional.of(entryId);
    }

    /** Corrects an entry by posting its mirror image; an entry is reversed at most once. */
    @Transactional
    public long reverse(long entryId, String actor, String reason) {
        var original = jdbc
                .query(
                        "select * from journal_entry where id = ?",
                        (row, i) -> new JournalDraft(
                                LocalDate.now(clock),
                                "REVERSAL",
                                row.getString("document"),
                                "reversal of entry " + entryId + ": " + reason,
                                (Long) row.getObject("customer_id", Long.class),
                                row.getString("currency"),
                                actor,
                                null),
                        entryId)
                .stream()
                .findFirst()
                .orElseThrow(() -> new LedgerNotFoundException("journal entry", entryId));
        Integer reversals =
                jdbc.queryForObject("select count(*) from journal_entry where reversal_of = ?", Integer.class, entryId);
        if (reversals != null && reversals > 0) {
            throw new IllegalLedgerTransitionException("journal entry " + entryId + " is already reversed");
        }
        jdbc.query(
                "select account_code, debit, credit from journal_line where entry_id = ? order by id",
                row -> {
                    LedgerAccount account = LedgerAccount.byCode(row.getString("account_code"));
                    original.debit(account, row.getBigDecimal("credit")).credit(account, row.getBigDecimal("debit"));
                },
                entryId);
        Long reversalId = jdbc.queryForObject(
                """
        insert into journal_entry (posted_at, effective_date, kind, document, description, customer_id, currency,
                                   posted_by, reversal_of)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""",
                Long.class,
                Timestamp.from(clock.instant()),
                Date.valueOf(original.effectiveDate),
                original.kind,
                original.document,
                original.description,
                original.customerId,
                original.currency,
                actor,
                entryId);
        insertLines(reversalId, original.lines);
        audit.record(actor, "JOURNAL_REVERSED", "journal-entry", entryId, "reversed by entry " + reversalId, reason);
        return reversalId;
    }

    private void insertLines(long entryId, List<JournalDraft.Line> lines) {
        jdbc.batchUpdate(
                "insert into journal_line (entry_id, account_code, debit, credit) values (?, ?, ?, ?)",
                lines,
                lines.size(),
                (statement, line) -> {
                    statement.setLong(1, entryId);
                    statement.setString(2, line.account().code());
                    statement.setBigDecimal(3, line.debit());
                    statement.setBigDecimal(4, line.credit());
                });
    }
}
