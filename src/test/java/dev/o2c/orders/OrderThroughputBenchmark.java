package dev.o2c.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.PaymentTerms;
import dev.o2c.customers.RiskClass;
import dev.o2c.support.Api;
import dev.o2c.support.DecisionLatency;
import dev.o2c.support.IntegrationTest;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13: what the application costs on top of the engine. In one run, on the embedded engine:
 *
 * <ol>
 *   <li>the ceiling: a process shaped like the happy path up to the invoice (six service tasks with no-op workers and
 *       one message catch), driven by the Java client, {@code benchmark.clients} at a time;
 *   <li>the real path through the REST API, the same number of clients: order placed, credit APPROVED, shipment
 *       confirmed, INVOICED;
 *   <li>the credit decision's latency (order placed to decision recorded, from the database's timestamps), p50 and p99,
 *       with orders placed open-loop at 80 % of the real path's measured rate;
 *   <li>the heap used (after GC) per thousand completed orders.
 * </ol>
 *
 * Prints the figures and their ratio; asserts only that every order got where it was sent. Run with {@code ./mvnw
 * -Pbenchmark test -Dtest=OrderThroughputBenchmark -Dbenchmark.orders=300 -Dbenchmark.clients=8}.
 */
@IntegrationTest
@Tag("benchmark")
class OrderThroughputBenchmark {

    static final String CEILING = "order-throughput-ceiling";
    static final List<String> NO_OP_TYPES =
            List.of("ceiling-check", "ceiling-decide", "ceiling-record", "ceiling-reserve", "ceiling-invoice");

    @Autowired
    CamundaClient client;

    @Autowired
    Api api;

    @Autowired
    CustomerService customers;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void realPathAgainstTheEnginesCeiling() throws Exception {
        int orders = Integer.getInteger("benchmark.orders", 300);
        int clients = Integer.getInteger("benchmark.clients", 8);
        System.out.printf(
                "%nOrder throughput: %,d orders, %d clients, JVM %s, %d cores, max heap %,d MB%n",
                orders,
                clients,
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        List<JobWorker> workers = deployCeiling();
        double ceiling;
        try {
            runCeiling(Math.max(50, orders / 5), clients); // warm-up
            ceiling = runCeiling(orders, clients);
        } finally {
            workers.forEach(JobWorker::close);
        }
        System.out.printf("  ceiling (6 no-op service tasks + 1 message): %,.1f instances/s%n", ceiling);

        List<Long> customerIds = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            customerIds.add(customer().getId());
        }
        runRealPath(Math.max(20, orders / 10), customerIds); // warm-up
        long heapBefore = usedHeapAfterGc();
        double real = runRealPath(orders, customerIds);
        long heapAfter = usedHeapAfterGc();
        System.out.printf(
                "  real path (API: placed -> APPROVED -> shipped -> INVOICED): %,.1f orders/s, %.2f of the ceiling%n",
                real, real / ceiling);
        System.out.printf(
                "  heap used after GC: %,d MB -> %,d MB, about %,.1f MB per 1,000 completed orders%n",
                heapBefore >> 20, heapAfter >> 20, (heapAfter - heapBefore) / 1048576.0 / orders * 1000);

        double rate = 0.8 * real;
        List<Long> latencies = DecisionLatency.openLoop(
                jdbc, orders, rate, n -> DecisionLatency.placeOrder(api, customerIds.get(n % customerIds.size())));
        System.out.printf(
                "  credit decision latency at %.1f orders/s (80 %% of the real path): p50 %d ms, p99 %d ms, max %d ms"
                        + " (%,d orders)%n%n",
                rate,
                DecisionLatency.percentile(latencies, 50),
                DecisionLatency.percentile(latencies, 99),
                latencies.getLast(),
                latencies.size());
        assertThat(latencies).hasSize(orders);
    }

    private List<JobWorker> deployCeiling() {
        client.newDeployResourceCommand()
                .addProcessModel(
                        Bpmn.createExecutableProcess(CEILING)
                                .startEvent()
                                .serviceTask("Task_Check", t -> t.zeebeJobType("ceiling-check"))
                                .serviceTask("Task_Decide", t -> t.zeebeJobType("ceiling-decide"))
                                .serviceTask("Task_Record", t -> t.zeebeJobType("ceiling-record"))
                                .serviceTask("Task_Reserve", t -> t.zeebeJobType("ceiling-reserve"))
                                .intermediateCatchEvent("Event_Shipped")
                                .message(m -> m.name("ceiling-shipped").zeebeCorrelationKeyExpression("key"))
                                .serviceTask("Task_Invoice", t -> t.zeebeJobType("ceiling-invoice"))
                                .serviceTask("Task_Collect", t -> t.zeebeJobType("ceiling-check"))
                                .endEvent()
                                .done(),
                        CEILING + ".bpmn")
                .send()
                .join();
        List<JobWorker> workers = new ArrayList<>();
        for (String type : NO_OP_TYPES) {
            workers.add(client.newWorker()
                    .jobType(type)
                    .handler((jobs, job) -> jobs.newCompleteCommand(job).send())
                    .name("ceiling")
                    .maxJobsActive(64)
                    .streamEnabled(true)
                    .timeout(Duration.ofMinutes(1))
                    .open());
        }
        return workers;
    }

    /** Instances per second: each client publishes the shipment, then starts an instance and waits for its end. */
    private double runCeiling(int instances, int clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        inParallel(clients, () -> {
            while (next.getAndIncrement() < instances) {
                String key = UUID.randomUUID().toString();
                client.newPublishMessageCommand()
                        .messageName("ceiling-shipped")
                        .correlationKey(key)
                        .timeToLive(Duration.ofMinutes(5))
                        .send()
                        .join();
                client.newCreateInstanceCommand()
                        .bpmnProcessId(CEILING)
                        .latestVersion()
                        .variables(Map.of("key", key))
                        .withResult()
                        .requestTimeout(Duration.ofMinutes(2))
                        .send()
                        .join();
            }
        });
        return instances / ((System.nanoTime() - start) / 1e9);
    }

    /** Orders per second through the API, each client one order at a time from placement to INVOICED. */
    private double runRealPath(int count, List<Long> customerIds) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        inParallel(customerIds.size(), () -> {
            int n;
            while ((n = next.getAndIncrement()) < count) {
                long customerId = customerIds.get(n % customerIds.size());
                long orderId = DecisionLatency.placeOrder(api, customerId);
                awaitStatus(orderId, OrderStatus.APPROVED);
                Api.Response shipped = api.post("sales", "/api/orders/" + orderId + "/shipment", null);
                assertThat(shipped.status()).isEqualTo(200);
                awaitStatus(orderId, OrderStatus.INVOICED);
            }
        });
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private void awaitStatus(long orderId, OrderStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!status.name()
                .equals(jdbc.queryForObject("select status from sales_order where id = ?", String.class, orderId))) {
            assertThat(System.nanoTime())
                    .as("order " + orderId + " reaches " + status)
                    .isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private Customer customer() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return customers.create(
                new CustomerService.NewCustomer(
                        "Throughput " + tag,
                        tag + "@customer.example",
                        "EUR",
                        PaymentTerms.parse("NET30"),
                        new BigDecimal("1000000000"),
                        RiskClass.A,
                        BigDecimal.ZERO,
                        null),
                "benchmark");
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void inParallel(int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                running.add(pool.submit(() -> {
                    work.run();
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get(30, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
