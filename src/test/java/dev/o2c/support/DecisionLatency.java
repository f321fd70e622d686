package dev.o2c.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The credit decision's latency for the benchmarks: orders placed open-loop at a fixed rate (not waiting for one to be
 * decided before the next), each order's time from placement to its first recorded credit decision, read from the
 * database's own timestamps ({@code sales_order.placed_at}, {@code credit_decision.decided_at}).
 */
public final class DecisionLatency {

    private DecisionLatency() {}

    /** Places the benchmarks' one-line order (100.00) for the customer through the API, as sales; answers its id. */
    public static long placeOrder(Api api, long customerId) {
        Api.Response response = api.post(
                "sales",
                "/api/orders",
                Map.of(
                        "customerId",
                        customerId,
                        "lines",
                        List.of(Map.of(
                                "sku", "BENCH-1", "description", "Benchmark", "quantity", 1, "unitPrice", 100))));
        assertThat(response.status()).isEqualTo(201);
        return response.body().path("id").asLong();
    }

    /**
     * Places {@code count} orders at {@code perSecond} ({@code place} is given the order's number and answers its id)
     * and returns each one's latency in milliseconds, sorted.
     */
    public static List<Long> openLoop(JdbcTemplate jdbc, int count, double perSecond, IntFunction<Long> place)
            throws Exception {
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService callers = Executors.newFixedThreadPool(32);
        List<Future<Long>> placed = Collections.synchronizedList(new ArrayList<>());
        long periodNanos = (long) (1e9 / perSecond);
        AtomicInteger next = new AtomicInteger();
        try {
            var schedule = clock.scheduleAtFixedRate(
                    () -> {
                        int n = next.getAndIncrement();
                        if (n < count) {
                            Callable<Long> call = () -> place.apply(n);
                            placed.add(callers.submit(call));
                        }
                    },
                    0,
                    periodNanos,
                    TimeUnit.NANOSECONDS);
            while (next.get() < count) {
                Thread.sleep(50);
            }
            schedule.cancel(false);
            List<Long> latencies = new ArrayList<>();
            for (Future<Long> order : new ArrayList<>(placed)) {
                long orderId = order.get(2, TimeUnit.MINUTES);
                latencies.add(awaitDecisionMillis(jdbc, orderId));
            }
            Collections.sort(latencies);
            return latencies;
        } finally {
            clock.shutdownNow();
            callers.shutdownNow();
        }
    }

    /**
     * Places {@code count} orders one at a time, each after the previous one was decided, and returns each one's
     * latency in milliseconds, sorted: the time of one credit check on its own, without a queue in front of it.
     */
    public static List<Long> oneAtATime(JdbcTemplate jdbc, int count, IntFunction<Long> place) throws Exception {
        List<Long> latencies = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            latencies.add(awaitDecisionMillis(jdbc, place.apply(n)));
        }
        Collections.sort(latencies);
        return latencies;
    }

    /** Milliseconds from the order's placement to its first recorded credit decision; waits up to 2 minutes. */
    public static long awaitDecisionMillis(JdbcTemplate jdbc, long orderId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            List<Long> millis = jdbc.queryForList("""
              select (extract(epoch from d.decided_at - o.placed_at) * 1000)::bigint
              from credit_decision d join sales_order o on o.id = d.order_id
              where d.order_id = ? order by d.id limit 1""", Long.class, orderId);
            if (!millis.isEmpty()) {
                return millis.getFirst();
            }
            assertThat(System.nanoTime()).as("order " + orderId + " decided").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** The value at {@code percent} of a sorted list (nearest rank). */
    public static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
