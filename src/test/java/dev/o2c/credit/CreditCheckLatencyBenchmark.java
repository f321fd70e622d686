package dev.o2c.credit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.credit.scoring.CreditScoring;
import dev.o2c.credit.scoring.ScoreTrigger;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.PaymentTerms;
import dev.o2c.customers.RiskClass;
import dev.o2c.support.Api;
import dev.o2c.support.DecisionLatency;
import dev.o2c.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 8: the credit check's latency (order placed to credit decision recorded, p50 and p99) with 1,000 and with
 * 1,000,000 open invoices in the database. The invoices are a fixture written straight into the tables (each with
 * its own invoiced order, as the schema wants), spread over many customers; the customers that order hold the same
 * 10 open invoices each in both rounds, so only the size of the tables differs. The target: the larger within 1.5x of
 * the smaller, i.e. exposure and the overdue facts read the ordering customer's invoices, never all of them. It also
 * times a score recompute of each ordering customer (the scoring's facts are per customer too) and prints the plans of
 * the per-customer queries at the larger size.
 *
 * <p>Run with {@code ./mvnw -Pbenchmark test -Dtest=CreditCheckLatencyBenchmark} (options: {@code
 * -Dbenchmark.orders=200 -Dbenchmark.rate=0 -Dbenchmark.invoices=1000000}). Rate 0 (the default) places one order at
 * a time, each after the previous one was decided, so that the figure is the check itself and not a queue on a busy
 * machine; a rate above 0 places orders open-loop at that many per second. Asserts only that every order was decided.
 */
@IntegrationTest
@Tag("benchmark")
class CreditCheckLatencyBenchmark {

    /** The customers that order, in both rounds. */
    static final int ORDERING_CUSTOMERS = 50;
    /** Open invoices each ordering customer holds, in both rounds. */
    static final int OWN_INVOICES = 10;
    /** Open invoices per filler customer: 1,000,000 invoices are 1,000 customers of 1,000. */
    static final int FILLER_PER_CUSTOMER = 1_000;

    @Autowired
    Api api;

    @Autowired
    CustomerService customers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CreditScoring scores;

    @Test
    void latencyDoesNotGrowWithTheInvoices() throws Exception {
        int orders = Integer.getInteger("benchmark.orders", 200);
        double rate = Double.parseDouble(System.getProperty("benchmark.rate", "0"));
        int large = Integer.getInteger("benchmark.invoices", 1_000_000);
        System.out.printf(
                "%nCredit check latency: %,d orders per round, %s, JVM %s, %d cores%n",
                orders,
                rate <= 0 ? "one at a time" : String.format("open loop at %.1f orders/s", rate),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        // the same ordering customers in both rounds, each with the same 10 open invoices
        List<Long> ordering = new ArrayList<>();
        for (int i = 0; i < ORDERING_CUSTOMERS; i++) {
            ordering.add(customer("Latency"));
        }
        addOpenInvoices(ordering, OWN_INVOICES);

        topUpOpenInvoicesTo(1_000);
        Round small = round("small", ordering, orders, rate);

        long filling = System.nanoTime();
        topUpOpenInvoicesTo(large);
        System.out.printf(
                "  (fixture: %,d open invoices in all, written in %.0f s)%n",
                openInvoices(), (System.nanoTime() - filling) / 1e9);
        Round big = round("large", ordering, orders, rate);

        System.out.println("  plans at " + big.openInvoices + " open invoices, for one ordering customer:");
        explain(ordering.getFirst());

        for (Round round : List.of(small, big)) {
            System.out.printf(
                    "  %-11s %,9d open invoices: credit check p50 %4d ms, p99 %4d ms; score recompute p50 %3d ms,"
                            + " p99 %3d ms; rows read by sequential scans: %s%n",
                    round.name,
                    round.openInvoices,
                    round.p50,
                    round.p99,
                    round.scoreP50,
                    round.scoreP99,
                    round.sequentialReads);
        }
        System.out.printf(
                "  ratio (large / small): credit check p50 %.2f, p99 %.2f; score recompute p50 %.2f"
                        + " (target: within 1.5)%n",
                (double) big.p50 / small.p50, (double) big.p99 / small.p99, (double) big.scoreP50 / small.scoreP50);
        System.out.println();
    }

    record Round(
            String name, long openInvoices, long p50, long p99, long scoreP50, long scoreP99, String sequentialReads) {}

    /** A warm-up, then the measured orders (100 EUR each, spread over the ordering customers), then their scores. */
    private Round round(String name, List<Long> ordering, int orders, double rate) throws Exception {
        long open = openInvoices();
        measure(Math.max(20, orders / 5), rate, ordering); // warm-up
        Thread.sleep(2_000); // the server processes report their table statistics about once a second
        Map<String, Long> readBefore = sequentialReads();
        List<Long> latencies = measure(orders, rate, ordering);
        assertThat(latencies).hasSize(orders);
        Thread.sleep(2_000); // the server processes report their table statistics about once a second
        Map<String, Long> readAfter = sequentialReads();
        String scanned = readAfter.entrySet().stream()
                .filter(e -> e.getValue() - readBefore.getOrDefault(e.getKey(), 0L) > 0)
                .map(e -> e.getKey() + " " + (e.getValue() - readBefore.getOrDefault(e.getKey(), 0L)))
                .collect(java.util.stream.Collectors.joining(", "));
        List<Long> scoring = new ArrayList<>();
        for (long customerId : ordering) {
            long start = System.nanoTime();
            scores.recompute(customerId, ScoreTrigger.manual("benchmark"));
            scoring.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(scoring);
        return new Round(
                name,
                open,
                DecisionLatency.percentile(latencies, 50),
                DecisionLatency.percentile(latencies, 99),
                DecisionLatency.percentile(scoring, 50),
                DecisionLatency.percentile(scoring, 99),
                scanned.isEmpty() ? "none" : scanned);
    }

    /** Rate 0: one order at a time; otherwise open loop at that rate (orders/s). */
    private List<Long> measure(int orders, double rate, List<Long> ordering) throws Exception {
        return rate <= 0
                ? DecisionLatency.oneAtATime(
                        jdbc, orders, n -> DecisionLatency.placeOrder(api, ordering.get(n % ordering.size())))
                : DecisionLatency.openLoop(
                        jdbc, orders, rate, n -> DecisionLatency.placeOrder(api, ordering.get(n % ordering.size())));
    }

    /** Rows read by sequential scans so far, per table of the credit check's path (invoices and orders). */
    private Map<String, Long> sequentialReads() {
        Map<String, Long> reads = new java.util.TreeMap<>();
        jdbc.query(
                "select relname, seq_tup_read from pg_stat_user_tables where relname in ('invoice', 'sales_order')",
                row -> {
                    reads.put(row.getString(1), row.getLong(2));
                });
        return reads;
    }

    /** The plans of the queries the credit check and the scoring run per customer: index scans, not all invoices. */
    private void explain(long customerId) {
        for (String query : List.of(
                "select * from invoice where customer_id = " + customerId
                        + " and status in ('OPEN', 'PARTIALLY_PAID') order by due_date, id",
                "select coalesce(sum(open_amount), 0) from invoice where customer_id = " + customerId,
                "select coalesce(sum(reserved_amount), 0) from sales_order where customer_id = " + customerId,
                "select max(dunning_level), count(*) filter (where status in ('OPEN', 'PARTIALLY_PAID') and due_date < current_date)"
                        + " from invoice where customer_id = " + customerId)) {
            List<String> plan = jdbc.queryForList("explain (analyze, costs off, timing on) " + query, String.class);
            System.out.println("    " + query);
            plan.forEach(line -> System.out.println("      " + line));
        }
    }

    /** Filler customers with open invoices until the database holds at least {@code target} open invoices. */
    private void topUpOpenInvoicesTo(long target) {
        long missing = target - openInvoices();
        while (missing > 0) {
            int perCustomer = (int) Math.min(FILLER_PER_CUSTOMER, missing);
            int batch = (int) Math.min(100, Math.ceilDiv(missing, perCustomer));
            List<Long> added = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                added.add(customer("Filler"));
            }
            addOpenInvoices(added, perCustomer);
            missing -= (long) batch * perCustomer;
        }
        settle();
    }

    /** A bulk load leaves work for autovacuum; done here, so that it does not run during a measured round. */
    private void settle() {
        jdbc.execute("vacuum (analyze) sales_order");
        jdbc.execute("vacuum (analyze) invoice");
    }

    private long openInvoices() {
        Long open = jdbc.queryForObject(
                "select count(*) from invoice where status in ('OPEN', 'PARTIALLY_PAID')", Long.class);
        return open == null ? 0 : open;
    }

    /** The fixture: per customer, {@code each} invoiced orders of 100 EUR with their open invoices, due in 10 days. */
    private void addOpenInvoices(List<Long> customerIds, int each) {
        jdbc.update("""
          with o as (
            insert into sales_order (customer_id, currency, total_amount, status, placed_by, placed_at)
            select c, 'EUR', 100, 'INVOICED', 'benchmark', now() - interval '20 days'
            from unnest(?::bigint[]) c cross join generate_series(1, ?) g
            returning id, customer_id)
          insert into invoice (number, customer_id, order_id, currency, issue_date, due_date, net_amount, tax_amount,
                               total_amount, open_amount, status)
          select 'BENCH-' || o.id, o.customer_id, o.id, 'EUR', current_date - 20, current_date + 10, 100, 0, 100, 100,
                 'OPEN'
          from o""", customerIds.toArray(Long[]::new), each);
    }

    private long customer(String kind) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return customers
                .create(
                        new CustomerService.NewCustomer(
                                kind + " " + tag,
                                tag + "@customer.example",
                                "EUR",
                                PaymentTerms.parse("NET30"),
                                new BigDecimal("1000000000"),
                                RiskClass.A,
                                BigDecimal.ZERO,
                                null),
                        "benchmark")
                .getId();
    }
}
