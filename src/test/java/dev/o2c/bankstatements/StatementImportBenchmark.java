package dev.o2c.bankstatements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o2c.cashapplication.OpenItem;
import dev.o2c.cashapplication.Payer;
import dev.o2c.cashapplication.StatementGenerator;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.payments.PaymentService;
import dev.o2c.support.IntegrationTest;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application path for one statement: the receivables are written straight into the database (no order
 * processes), then the statement is imported through the service; sure credits are posted straight through (no
 * process), each paid invoice's {@code payment-received} published to the embedded engine, and the rest start
 * payment-posting for a clerk. Prints how long the import took, when the last automatic posting was in the ledger, and
 * how many payment-received messages the engine took. Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=StatementImportBenchmark -Dbenchmark.entries=10000}.
 */
@IntegrationTest
@Tag("benchmark")
class StatementImportBenchmark {

    @Autowired
    BankStatementImport imports;

    @Autowired
    BankEntryRepository entries;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ZeebeTestEngine engine;

    @Autowired
    LedgerInvariants ledger;

    @Test
    void importsAndPostsAStatement() {
        int size = Integer.getInteger("benchmark.entries", 2_000);
        StatementGenerator.Generated generated = new StatementGenerator(7, LocalDate.now()).generate(size);
        Map<Long, Long> customerIds = new HashMap<>();
        for (Payer payer : generated.payers()) {
            customerIds.put(
                    payer.customerId(),
                    jdbc.queryForObject(
                            """
          insert into customer (name, email, currency, payment_terms, credit_limit, risk_class, iban, created_at)
          values (?, ?, 'EUR', '2/10 NET30', 10000000, 'B', ?, now()) returning id""", Long.class, payer.name(), "ap" + payer.customerId() + "@example.com", payer.iban()));
        }
        for (OpenItem item : generated.invoices()) {
            long customer = customerIds.get(item.customerId());
            Long order = jdbc.queryForObject("""
          insert into sales_order (customer_id, currency, total_amount, status, placed_by, placed_at)
          values (?, 'EUR', ?, 'INVOICED', 'benchmark', now()) returning id""", Long.class, customer, item.totalAmount());
            LocalDate issued = item.discountDate() == null
                    ? LocalDate.now().minusDays(20)
                    : item.discountDate().minusDays(10);
            jdbc.update(
                    """
          insert into invoice (number, customer_id, order_id, currency, issue_date, due_date, discount_date,
                               discount_rate, net_amount, tax_amount, total_amount, open_amount, status)
          values (?, ?, ?, 'EUR', ?, ?, ?, ?, ?, 0, ?, ?, 'OPEN')""",
                    item.number(),
                    customer,
                    order,
                    Date.valueOf(issued),
                    Date.valueOf(issued.plusDays(30)),
                    item.discountDate() == null ? null : Date.valueOf(item.discountDate()),
                    item.discountRate(),
                    item.totalAmount(),
                    item.totalAmount(),
                    item.totalAmount());
        }

        // the invoices are booked as issued (Dr 1200, Cr 4000), as billing would have booked them, so that the ledger
        // invariants can be checked after the postings; one statement, so no entry is ever without its lines
        jdbc.update("""
          with booked as (
            insert into journal_entry (posted_at, effective_date, kind, document, description, customer_id, currency,
                                       posted_by, idempotency_key)
            select now(), issue_date, 'INVOICE', number, 'invoice issued', customer_id, currency, 'benchmark',
                   'invoice-' || id
            from invoice i where not exists (select 1 from journal_entry e where e.idempotency_key = 'invoice-' || i.id)
            returning id, idempotency_key)
          insert into journal_line (entry_id, account_code, debit, credit)
          select b.id, account.code, case when account.code = '1200' then i.total_amount else 0 end,
                 case when account.code = '4000' then i.total_amount else 0 end
          from booked b join invoice i on b.idempotency_key = 'invoice-' || i.id
          cross join (values ('1200'), ('4000')) as account (code)""");
        long scoresBefore = jdbc.queryForObject("select coalesce(max(id), 0) from credit_score", Long.class);
        long cpuAtStart = processCpuNanos();
        long databaseCpuAtStart = databaseCpuNanos();
        Instant start = Instant.now();
        StatementImportResult result = imports.importFile(generated.statement(), "benchmark", "benchmark");
        Duration importing = Duration.between(start, Instant.now());
        long statementId = result.statements().get(0).statementId();
        int automatic = result.statements().get(0).matchedAutomatically();
        await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from bank_entry where statement_id = ? and status = 'MATCHED'",
                                Integer.class,
                                statementId)
                        == 0);
        Duration posting = Duration.between(start, Instant.now());
        double cpuSeconds = (processCpuNanos() - cpuAtStart) / 1e9;
        double databaseCpuSeconds = (databaseCpuNanos() - databaseCpuAtStart) / 1e9;
        List<BankEntry> lines = entries.findByStatementIdOrderByLineNo(statementId);
        long posted = lines.stream()
                .filter(entry -> entry.getStatus() == BankEntryStatus.POSTED)
                .count();

        System.out.printf(
                "%nStatement import through the application: %,d entries against %,d open invoices%n",
                lines.size(), generated.invoices().size());
        System.out.printf(
                "  import (read, match, store, one transaction): %.1f s, %,.0f entries/s%n",
                seconds(importing), lines.size() / seconds(importing));
        int allocations = jdbc.queryForObject("""
          select count(*) from payment_allocation a join payment p on p.id = a.payment_id
          where p.idempotency_key in (select 'bank-entry-' || id from bank_entry where statement_id = ?)""", Integer.class, statementId);
        long published = StreamSupport.stream(
                        engine.getRecordStreamSource().getRecords().spliterator(), false)
                .filter(record -> record.getValueType() == ValueType.MESSAGE
                        && record.getIntent() == MessageIntent.PUBLISHED
                        && ((MessageRecordValue) record.getValue()).getName().equals(PaymentService.PAYMENT_RECEIVED))
                .count();
        System.out.printf(
                "  auto-matched %,d; posted straight through %,d, the last in the ledger %.1f s after the upload: "
                        + "%,.0f postings/s%n",
                automatic, posted, seconds(posting), posted / seconds(posting));
        System.out.printf(
                "  payment-received published to the engine: %,d for %,d allocations to invoices%n",
                published, allocations);
        // CPU time of this JVM (application and embedded engine, not PostgreSQL) is less sensitive than the wall clock
        // to other work on a shared machine
        System.out.printf(
                "  CPU of the application's JVM from the upload to the last posting: %.1f s, %.1f ms per entry%n",
                cpuSeconds, 1000 * cpuSeconds / lines.size());
        System.out.printf(
                "  CPU of PostgreSQL's processes meanwhile: %.1f s, %.1f ms per entry; both together %.1f ms per entry"
                        + " (on %d cores at least %.1f s of wall time)%n",
                databaseCpuSeconds,
                1000 * databaseCpuSeconds / lines.size(),
                1000 * (cpuSeconds + databaseCpuSeconds) / lines.size(),
                Runtime.getRuntime().availableProcessors(),
                (cpuSeconds + databaseCpuSeconds) / Runtime.getRuntime().availableProcessors());
        // the payers' credit scores follow once the lanes are idle (o2c.credit.scoring.bulk-hold): not part of the
        // posting figure above, so their catching up is shown here
        String payersOfStatement = """
          select distinct customer_id from payment
          where idempotency_key in (select 'bank-entry-' || id from bank_entry where statement_id = ?)""";
        int payers =
                jdbc.queryForObject("select count(*) from (" + payersOfStatement + ") p", Integer.class, statementId);
        await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> jdbc.queryForObject(
                                "select count(distinct customer_id) from credit_score where id > ? and customer_id in ("
                                        + payersOfStatement + ")",
                                Integer.class,
                                scoresBefore,
                                statementId)
                        == payers);
        Duration scoring = Duration.between(start, Instant.now());
        int scores = jdbc.queryForObject("select count(*) from credit_score where id > ?", Integer.class, scoresBefore);
        System.out.printf(
                "  credit scores of the %,d paying customers all current %.1f s after the upload (%,d computed)%n",
                payers, seconds(scoring), scores);
        assertThat(posted).isEqualTo(automatic);
        // thousands of postings written in batches: the receivable still equals the open invoices, and so on
        ledger.assertHold();
        assertThat(published).isGreaterThanOrEqualTo(allocations);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * CPU time of the database's server processes (its backends and background workers, as pg_stat_activity lists
     * them), read from /proc; 0 where there is no /proc. A backend that ends meanwhile takes its time with it, but the
     * application's pool keeps its connections.
     */
    private long databaseCpuNanos() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return 0;
        }
        long ticks = 0;
        for (Integer pid : jdbc.queryForList("select pid from pg_stat_activity where pid is not null", Integer.class)) {
            try {
                String stat = Files.readString(proc.resolve(pid + "/stat"));
                // the fields after the command's closing parenthesis; utime and stime are the 12th and 13th of them
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                // the process ended in between
            }
        }
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    private static double seconds(Duration duration) {
        return Math.max(duration.toMillis(), 1) / 1000.0;
    }
}
