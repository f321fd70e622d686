package dev.o2c.bankstatements;

import dev.o2c.bankstatements.StatementImportResult.StatementSummary;
import dev.o2c.bankstatements.StatementImportResult.Totals;
import dev.o2c.cashapplication.CashApplication;
import dev.o2c.cashapplication.CashMatcher;
import dev.o2c.cashapplication.IncomingPayment;
import dev.o2c.cashapplication.OpenItemBook;
import dev.o2c.cashapplication.Proposal;
import dev.o2c.platform.audit.AuditLog;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a camt file whole or not at all: every statement and entry is stored and every credit gets a cash
 * application proposal in one transaction. A statement seen before (same message and statement id) is reported, not
 * imported again. Posting happens afterwards, one payment-posting process per credit.
 */
@Service
public class BankStatementImport {

    private final CamtReader reader;
    private final BankStatementRepository statements;
    private final BankEntryRepository entries;
    private final CashApplication cashApplication;
    private final ProposalCodec proposals;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    /** bank_statement.source */
    private static final int MAX_SOURCE = 300;

    BankStatementImport(
            CamtReader reader,
            BankStatementRepository statements,
            BankEntryRepository entries,
            CashApplication cashApplication,
            ProposalCodec proposals,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.reader = reader;
        this.statements = statements;
        this.entries = entries;
        this.cashApplication = cashApplication;
        this.proposals = proposals;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Imports the file. The same statement uploaded several times at once is imported once: each statement's
     * identity is locked for the transaction (a PostgreSQL advisory lock on message and statement id) before we look
     * whether it is known, so the second upload waits for the first to commit and then finds it: a duplicate, not a
     * unique-key violation.
     */
    @Transactional
    public StatementImportResult importFile(byte[] xml, String source, String actor) {
        List<ParsedStatement> parsed = reader.read(xml);
        List<String> identities =
                parsed.stream().map(s -> s.messageId() + "/" + s.statementId()).toList();
        if (new TreeSet<>(identities).size() < identities.size()) {
            throw new StatementRejected("the file holds the same statement id twice: " + identities);
        }
        // sorted, so that two files naming the same statements in another order cannot deadlock
        new TreeSet<>(identities)
                .forEach(identity -> jdbc.query(
                        "select pg_advisory_xact_lock(hashtextextended(?, 0))",
                        rs -> null,
                        "bank-statement:" + identity));
        String storedSource = source.length() <= MAX_SOURCE ? source : source.substring(0, MAX_SOURCE - 3) + "...";
        OpenItemBook book = cashApplication.openItems();
        CashMatcher matcher = cashApplication.matcher();
        List<StatementSummary> summaries = new ArrayList<>();
        int empty = 0;
        for (ParsedStatement statement : parsed) {
            if (statement.transactions().isEmpty()) {
                // a camt.053 for a day without movements is legitimate; it has nothing to apply, so nothing is stored
                empty++;
                continue;
            }
            summaries.add(statements
                    .findByMessageIdAndStatementId(statement.messageId(), statement.statementId())
                    .map(known -> summary(known, true))
                    .orElseGet(() -> store(statement, storedSource, actor, book, matcher)));
        }
        if (summaries.isEmpty()) {
            return new StatementImportResult(false, "the file has no entries: nothing was imported", summaries);
        }
        boolean duplicate = summaries.stream().allMatch(StatementSummary::duplicate);
        String message = duplicate
                ? "already imported: nothing was posted again"
                : summaries.stream().anyMatch(StatementSummary::duplicate)
                        ? "imported; statements seen before were skipped"
                        : "imported";
        if (empty > 0) {
            message += "; " + empty + " statement(s) without entries were not stored";
        }
        return new StatementImportResult(duplicate, message, summaries);
    }

    @Transactional(readOnly = true)
    public StatementSummary summary(long statementId) {
        return summary(
                statements
                        .findById(statementId)
                        .orElseThrow(() -> new BankStatementNotFoundException("bank statement", statementId)),
                false);
    }

    /** The latest statements, newest first. */
    @Transactional(readOnly = true)
    public List<StatementSummary> recent() {
        return statements.findTop50ByOrderByIdDesc().stream()
                .map(statement -> summary(statement, false))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<BankEntry> entriesOf(long statementId) {
        return entries.findByStatementIdOrderByLineNo(statementId);
    }

    private StatementSummary store(
            ParsedStatement parsed, String source, String actor, OpenItemBook book, CashMatcher matcher) {
        BankStatement statement = statements.save(new BankStatement(parsed, source, actor, clock.instant()));
        int line = 0;
        for (BankTransaction transaction : parsed.transactions()) {
            // matched before it is stored: one insert per line, not an insert and an update
            BankEntry entry = new BankEntry(statement.getId(), ++line, transaction, clock.instant());
            Proposal proposal = entry.applicable() ? matcher.match(incoming(entry), book) : null;
            if (proposal != null) {
                entry.proposed(
                        proposals.write(proposal),
                        proposal.confidence(),
                        proposal.customerId(),
                        proposal.postsAutomatically());
            }
            entries.save(entry);
            if (proposal != null) {
                events.publishEvent(new BankEntryReceived(entry.getId(), proposal.customerId()));
            }
        }
        StatementSummary summary = summary(statement, false);
        audit.record(
                actor,
                "BANK_STATEMENT_IMPORTED",
                "bank-statement",
                statement.getId(),
                parsed.messageType() + " " + parsed.messageId() + "/" + parsed.statementId() + ": " + summary.entries()
                        + " entries, " + summary.matchedAutomatically() + " matched automatically, "
                        + summary.awaitingClerk()
                        + " for a clerk",
                source);
        return summary;
    }

    static IncomingPayment incoming(BankEntry entry) {
        return new IncomingPayment(
                entry.getAmount(),
                entry.getCurrency(),
                entry.getValueDate(),
                entry.getDebtorName(),
                entry.getDebtorIban(),
                entry.getCreditorReference(),
                entry.getRemittanceText());
    }

    private StatementSummary summary(BankStatement statement, boolean duplicate) {
        List<BankEntry> lines = entries.findByStatementIdOrderByLineNo(statement.getId());
        Map<String, Totals> totals = new TreeMap<>();
        lines.forEach(entry -> totals.merge(
                entry.getCurrency(),
                new Totals(BigDecimal.ZERO, BigDecimal.ZERO).add(entry),
                (sum, one) -> new Totals(
                        sum.credited().add(one.credited()), sum.debited().add(one.debited()))));
        int credits = (int) lines.stream().filter(BankEntry::isCredit).count();
        int notApplicable = count(lines, BankEntryStatus.NOT_APPLICABLE);
        int awaitingClerk = count(lines, BankEntryStatus.NEEDS_CLERK);
        int automatic = (int) lines.stream()
                .filter(entry -> entry.applicable()
                        && entry.getDecidedBy() == null
                        && (entry.getStatus() == BankEntryStatus.MATCHED
                                || entry.getStatus() == BankEntryStatus.POSTED))
                .count();
        return new StatementSummary(
                statement.getId(),
                statement.getMessageType(),
                statement.getMessageId(),
                statement.getStatementId(),
                statement.getAccountIban(),
                duplicate,
                lines.size(),
                credits,
                lines.size() - credits,
                automatic,
                awaitingClerk,
                notApplicable,
                totals);
    }

    private static int count(List<BankEntry> lines, BankEntryStatus status) {
        return (int) lines.stream().filter(entry -> entry.getStatus() == status).count();
    }
}
