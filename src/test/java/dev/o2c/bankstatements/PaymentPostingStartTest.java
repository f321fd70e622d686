package dev.o2c.bankstatements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceStatus;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.PaymentTerms;
import dev.o2c.customers.RiskClass;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.platform.engine.ProcessCommands;
import dev.o2c.support.Api;
import dev.o2c.support.EngineRecords;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10: starts queued behind a slow engine outlived the sweep's grace period and the sweep started the same
 * entries again (two instances, two "Match payment" tasks per entry). Here the after-import starter is held between
 * its claim and its start message while sweeps with no grace at all run from several threads: every entry must
 * still have exactly one instance and one task.
 */
@IntegrationTest
class PaymentPostingStartTest {

    private static final int CREDITS = 6;

    @Autowired
    Api api;

    @Autowired
    PaymentPostingStarter starter;

    @Autowired
    BankEntryRepository entries;

    @Autowired
    BankEntryPosting posting;

    @Autowired
    ProcessCommands processes;

    @Autowired
    ZeebeTestEngine engine;

    @Autowired
    EngineRecords engineRecords;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    LedgerInvariants ledger;

    @Autowired
    Scenario scenario;

    @Autowired
    CustomerService customers;

    @AfterEach
    void release() {
        starter.slowDownStartsWith(null);
        ledger.assertHold();
    }

    @Test
    void aStartThatLagsBehindTheSweepStillGivesEachEntryOneInstanceAndOneTask() throws Exception {
        CountDownLatch engineCatchesUp = new CountDownLatch(1);
        Set<Long> heldStarts = ConcurrentHashMap.newKeySet();
        // the after-import starters (their own lanes) are held after their claim, as if the engine were minutes behind
        starter.slowDownStartsWith(entryId -> {
            if (Thread.currentThread().getName().startsWith("payment-posting-lane-")) {
                heldStarts.add(entryId);
                try {
                    engineCatchesUp.await(Scenario.PATIENCE.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        String tag = UUID.randomUUID().toString().substring(0, 8);
        CamtWriter statement = new CamtWriter("LAG-" + tag, "S-" + tag);
        for (int i = 1; i <= CREDITS; i++) {
            // nobody we know, no reference: each goes to a clerk
            statement.credit(
                    i + "3.10", LocalDate.now(clock), "Unknown Payer " + tag + " " + i, null, null, "thanks " + i);
        }
        Api.Response response = api.post(
                "clerk", "/api/bank-statements", statement.xml(), Map.of(HttpHeaders.CONTENT_TYPE, "application/xml"));
        assertThat(response.status()).isEqualTo(201);
        long statementId =
                response.body().path("statements").path(0).path("statementId").asLong();
        List<Long> ids = entries.findByStatementIdOrderByLineNo(statementId).stream()
                .map(BankEntry::getId)
                .toList();
        assertThat(ids).hasSize(CREDITS);
        await().atMost(Scenario.PATIENCE).until(() -> heldStarts.contains(ids.getFirst()));

        // sweeps with no grace period from three threads at once, again and again, while the first start is held and
        // the others wait behind it
        ExecutorService sweepers = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> sweeps = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                sweeps.add(sweepers.submit(() -> {
                    go.await();
                    int tried = 0;
                    for (int round = 0; round < 5; round++) {
                        tried += starter.sweep(Duration.ZERO);
                    }
                    return tried;
                }));
            }
            go.countDown();
            int tried = 0;
            for (Future<Integer> sweep : sweeps) {
                tried += sweep.get(60, TimeUnit.SECONDS);
            }
            assertThat(tried).as("the sweeps did take up the held entries").isGreaterThanOrEqualTo(CREDITS);
        } finally {
            sweepers.shutdownNow();
        }
        await().atMost(Scenario.PATIENCE).until(() -> ids.stream()
                .allMatch(id -> entries.findById(id).orElseThrow().getProcessInstanceKey() != null));
        await().atMost(Scenario.PATIENCE).until(() -> openMatchTasks(ids).size() == CREDITS);

        // the engine catches up: the held start message arrives late, the queued starts find their entries claimed
        engineCatchesUp.countDown();
        starter.drain();
        assertThat(starter.sweep(Duration.ZERO)).as("nothing left to start").isZero();

        await().atMost(Scenario.PATIENCE).pollInSameThread().until(() -> startRejections("BE-" + ids.getFirst()) >= 1);
        Thread.sleep(500); // room for any second instance to show up, were one started
        for (long id : ids) {
            BankEntry entry = entries.findById(id).orElseThrow();
            assertThat(instancesOf(id)).as("instances of entry " + id).containsExactly(entry.getProcessInstanceKey());
            assertThat(jdbc.queryForObject(
                            "select count(*) from human_task where business_key = ? and element_id = ?",
                            Integer.class,
                            "BE-" + id,
                            "Task_MatchPayment"))
                    .as("Match payment tasks of entry " + id)
                    .isEqualTo(1);
            assertThat(entry.getStartAttempts()).isGreaterThanOrEqualTo(1);
        }
        assertThat(openMatchTasks(ids)).hasSize(CREDITS);
    }

    @Test
    void sureCreditsPostedStraightThroughWhileSweepsRunArePostedOnceEachWithoutAProcess() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Customer customer = customers.create(
                new CustomerService.NewCustomer(
                        "Straight " + tag,
                        tag + "@customer.example",
                        "EUR",
                        PaymentTerms.parse("NET30"),
                        new BigDecimal("100000"),
                        RiskClass.A,
                        BigDecimal.ZERO,
                        null),
                "test");
        CamtWriter statement = new CamtWriter("STP-" + tag, "S-" + tag);
        List<Invoice> invoices = new ArrayList<>();
        for (int i = 1; i <= CREDITS; i++) {
            Invoice invoice = scenario.invoiceFor(customer, i + "1.00");
            invoices.add(invoice);
            statement.credit(
                    invoice.getOpenAmount().toPlainString(),
                    LocalDate.now(clock),
                    "Straight " + tag,
                    null,
                    invoice.getCreditorReference(),
                    null);
        }
        Api.Response response = api.post(
                "clerk", "/api/bank-statements", statement.xml(), Map.of(HttpHeaders.CONTENT_TYPE, "application/xml"));
        long statementId =
                response.body().path("statements").path(0).path("statementId").asLong();
        assertThat(response.body()
                        .path("statements")
                        .path(0)
                        .path("matchedAutomatically")
                        .asInt())
                .isEqualTo(CREDITS);

        // sweeps with no grace period race the after-import starter for the same sure credits
        ExecutorService sweepers = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> sweeps = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                sweeps.add(sweepers.submit(() -> {
                    int tried = 0;
                    for (int round = 0; round < 5; round++) {
                        tried += starter.sweep(Duration.ZERO);
                    }
                    return tried;
                }));
            }
            for (Future<Integer> sweep : sweeps) {
                sweep.get(60, TimeUnit.SECONDS);
            }
        } finally {
            sweepers.shutdownNow();
        }
        starter.drain();

        List<BankEntry> posted = await().atMost(Scenario.PATIENCE)
                .until(() -> entries.findByStatementIdOrderByLineNo(statementId), all -> all.stream()
                        .allMatch(entry -> entry.getStatus() == BankEntryStatus.POSTED));
        for (BankEntry entry : posted) {
            assertThat(entry.getProcessInstanceKey())
                    .as("entry " + entry.getId())
                    .isNull();
            assertThat(instancesOf(entry.getId())).isEmpty();
            assertThat(jdbc.queryForObject(
                            "select count(*) from payment where idempotency_key = ?",
                            Integer.class,
                            "bank-entry-" + entry.getId()))
                    .isEqualTo(1);
        }
        for (Invoice invoice : invoices) {
            assertThat(scenario.invoice(invoice.getId()).getStatus()).isEqualTo(InvoiceStatus.PAID);
            assertThat(jdbc.queryForObject(
                            "select count(*) from payment_allocation where invoice_id = ?",
                            Integer.class,
                            invoice.getId()))
                    .isEqualTo(1);
        }
    }

    @Test
    void anInstanceThatGetsPastTheEngineAnywayEndsBeforeAClerkSeesIt() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Api.Response response = api.post(
                "clerk",
                "/api/bank-statements",
                new CamtWriter("DUP-" + tag, "S-" + tag)
                        .credit("77.70", LocalDate.now(clock), "Stranger " + tag, null, null, "gift")
                        .xml(),
                Map.of(HttpHeaders.CONTENT_TYPE, "application/xml"));
        long statementId =
                response.body().path("statements").path(0).path("statementId").asLong();
        BankEntry entry = entries.findByStatementIdOrderByLineNo(statementId).getFirst();
        long first = await().atMost(Scenario.PATIENCE)
                .until(() -> entries.findById(entry.getId()).orElseThrow().getProcessInstanceKey(), key -> key != null);
        await().atMost(Scenario.PATIENCE)
                .until(() -> openMatchTasks(List.of(entry.getId())).size() == 1);

        // a start the engine cannot recognise as the same (another message id and correlation key)
        processes.publish(
                PaymentPostingStarter.START_MESSAGE,
                "forced-" + tag,
                "forced-" + tag,
                Map.of("bankEntryId", entry.getId(), "statementEntryId", "BE-" + entry.getId(), "autoPost", false),
                Duration.ofMinutes(1));

        await().atMost(Scenario.PATIENCE)
                .pollInSameThread()
                .until(() -> instancesOf(entry.getId()).size() == 2);
        long second = instancesOf(entry.getId()).stream()
                .filter(key -> key != first)
                .findFirst()
                .orElseThrow();
        await().atMost(Scenario.PATIENCE).pollInSameThread().until(() -> completed(second)
                .contains("EndEvent_DuplicateDiscarded"));
        assertThat(completed(second)).doesNotContain("Task_MatchPayment", "Task_PostPayment");
        assertThat(entries.findById(entry.getId()).orElseThrow().getProcessInstanceKey())
                .isEqualTo(first);
        assertThat(jdbc.queryForObject(
                        "select count(*) from human_task where business_key = ?", Integer.class, "BE-" + entry.getId()))
                .isEqualTo(1);
        assertThat(jdbc.queryForList(
                        "select action from audit_record where entity_type = 'bank-entry' and entity_id = ?",
                        String.class,
                        String.valueOf(entry.getId())))
                .contains("BANK_ENTRY_DUPLICATE_START");
        // the job is delivered at least once: the first instance registering again is still the owner
        assertThat(posting.registerInstance(entry.getId(), first)).isTrue();
    }

    private List<Long> openMatchTasks(List<Long> ids) {
        return jdbc.queryForList(
                "select job_key from human_task where element_id = 'Task_MatchPayment' and status = "
                        + "'OPEN' and business_key in ("
                        + ids.stream().map(id -> "'BE-" + id + "'").collect(Collectors.joining(","))
                        + ")",
                Long.class);
    }

    /** The payment-posting instances the engine created for the entry (by their bankEntryId variable). */
    private Set<Long> instancesOf(long entryId) {
        return engineRecords.instancesOf(PaymentPostingStarter.PROCESS_ID, "bankEntryId", entryId);
    }

    /** Start messages for this entry the engine refused because it had one already. */
    private long startRejections(String messageId) {
        return records(ValueType.MESSAGE).stream()
                .filter(record -> record.getRecordType() == RecordType.COMMAND_REJECTION
                        && record.getRejectionType() == RejectionType.ALREADY_EXISTS)
                .map(record -> (MessageRecordValue) record.getValue())
                .filter(value -> value.getMessageId().equals(messageId))
                .count();
    }

    private List<String> completed(long processInstanceKey) {
        return records(ValueType.PROCESS_INSTANCE).stream()
                .filter(record -> record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
                .map(record -> (ProcessInstanceRecordValue) record.getValue())
                .filter(value -> value.getProcessInstanceKey() == processInstanceKey)
                .map(ProcessInstanceRecordValue::getElementId)
                .toList();
    }

    private List<Record<?>> records(ValueType type) {
        return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
                .filter(record -> record.getValueType() == type)
                .<Record<?>>map(record -> record)
                .toList();
    }
}
