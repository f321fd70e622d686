package dev.o2c.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.RiskClass;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.platform.audit.AuditRecord;
import dev.o2c.platform.audit.AuditRepository;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The collectors' worklist over the API on the embedded engine and PostgreSQL: the ranking the DMN gives, claiming
 * and filtering, call notes, promises to pay from the worklist and a promise that breaks.
 */
@IntegrationTest
class CollectorWorklistTest {

    private static final String WORKLIST = "/api/collections/worklist";

    @Autowired
    Api api;

    @Autowired
    Scenario scenario;

    @Autowired
    CollectionScenario collection;

    @Autowired
    CustomerService customers;

    @Autowired
    PromisesToPay promises;

    @Autowired
    AuditRepository audit;

    @Autowired
    LedgerInvariants ledger;

    @AfterEach
    void ledgerStillHolds() {
        ledger.assertHold();
    }

    @Test
    void theDecisionTableRanksTheCustomersAndABrokenPromiseGoesOnTop() {
        String collector = "rank-" + UUID.randomUUID().toString().substring(0, 8);
        Customer promiseBreaker = customer("NET30", RiskClass.B);
        Customer bigRisky = customer("NET5", RiskClass.B);
        Customer older = customer("NET5", RiskClass.B);
        Customer younger = customer("NET30", RiskClass.B);
        Customer waiting = customer("NET30", RiskClass.B);
        Customer small = customer("NET30", RiskClass.A);
        Customer keeper = customer("NET30", RiskClass.B);
        Map<Customer, Invoice> invoices = new LinkedHashMap<>();
        invoices.put(promiseBreaker, collection.invoiceFor(promiseBreaker, "300.00"));
        invoices.put(bigRisky, collection.invoiceFor(bigRisky, "25000.00"));
        invoices.put(older, collection.invoiceFor(older, "6000.00"));
        invoices.put(younger, collection.invoiceFor(younger, "6000.00"));
        invoices.put(waiting, collection.invoiceFor(waiting, "6000.00"));
        invoices.put(small, collection.invoiceFor(small, "2000.00"));
        invoices.put(keeper, collection.invoiceFor(keeper, "400.00"));
        customers.changeRiskClass(bigRisky.getId(), RiskClass.D, "test", "bureau says insolvent soon");
        invoices.keySet()
                .forEach(c ->
                        assertThat(assign("manager", c, collector).status()).isEqualTo(200));

        // a week at a time, as the dunning checks come: the NET5 invoices climb to the final notice (class D faster)
        week();
        awaitLevel(invoices.get(bigRisky), 1);
        awaitLevel(invoices.get(older), 1);
        week();
        awaitLevel(invoices.get(bigRisky), 2);
        week();
        awaitLevel(invoices.get(bigRisky), 3);
        awaitLevel(invoices.get(older), 2);
        week();
        week();
        awaitLevel(invoices.get(older), 3);
        awaitLevel(invoices.get(promiseBreaker), 1);

        // 5 days past the NET30 due dates: two customers promise, one of them pays what it promised
        LocalDate promisedBy = collection.today().plusDays(3);
        assertThat(promise("collector", promiseBreaker, invoices.get(promiseBreaker), promisedBy, "300.00")
                        .status())
                .isEqualTo(201);
        assertThat(promise("collector", keeper, invoices.get(keeper), promisedBy, "200.00")
                        .status())
                .isEqualTo(201);
        collection.pay(keeper, invoices.get(keeper), "200.00");

        // 19 days past the NET30 due dates, 44 past the NET5 ones: the first promise passed unpaid
        week();
        week();
        awaitLevel(invoices.get(younger), 2);
        awaitLevel(invoices.get(small), 2);
        awaitLevel(invoices.get(promiseBreaker), 2);
        awaitLevel(invoices.get(keeper), 2);
        assertThat(promise(
                                "collector",
                                waiting,
                                invoices.get(waiting),
                                collection.today().plusDays(5),
                                "3000.00")
                        .status())
                .isEqualTo(201);
        promises.settleDue();

        JsonNode page = api.get("manager", WORKLIST + "?filter=all&assignee=" + collector)
                .body();
        List<Long> order = new ArrayList<>();
        Map<Long, JsonNode> rows = new HashMap<>();
        page.path("rows").forEach(row -> {
            order.add(row.path("customerId").asLong());
            rows.put(row.path("customerId").asLong(), row);
        });
        assertThat(order)
                .as("score: broken promise 165, D 25k 44 days 70, 6k 44 days 45, 6k 19 days 35, A 2k 19 days 20,"
                        + " kept promise 15 (or 20 as C, after the smaller amount), standing promise 5")
                .containsExactly(
                        promiseBreaker.getId(),
                        bigRisky.getId(),
                        older.getId(),
                        younger.getId(),
                        small.getId(),
                        keeper.getId(),
                        waiting.getId());
        assertThat(page.path("total").asInt()).isEqualTo(7);
        assertThat(rows.get(promiseBreaker.getId()).path("priorityScore").asInt())
                .isEqualTo(165);
        assertThat(rows.get(promiseBreaker.getId()).path("brokenPromises").asInt())
                .isEqualTo(1);
        assertThat(rows.get(promiseBreaker.getId()).path("nextBestAction").asText())
                .isEqualTo("Call today: a promise to pay was broken");
        assertThat(rows.get(bigRisky.getId()).path("priorityScore").asInt()).isEqualTo(70);
        assertThat(rows.get(bigRisky.getId()).path("nextBestAction").asText()).isEqualTo("Call today");
        assertThat(rows.get(older.getId()).path("priorityScore").asInt()).isEqualTo(45);
        assertThat(rows.get(younger.getId()).path("priorityScore").asInt()).isEqualTo(35);
        assertThat(rows.get(younger.getId()).path("nextBestAction").asText()).isEqualTo("Send final notice");
        // reminders lower a customer's score and may move its risk class (A 0, B 5, C 10, D 20 points here)
        JsonNode smallRow = rows.get(small.getId());
        assertThat(smallRow.path("priorityScore").asInt())
                .as("2k (15) + 19 days (5) + its risk class now, " + smallRow.path("riskClass"))
                .isEqualTo(20
                        + Map.of("A", 0, "B", 5, "C", 10, "D", 20)
                                .get(smallRow.path("riskClass").asText()));
        assertThat(rows.get(keeper.getId()).path("brokenPromises").asInt()).isZero();
        assertThat(rows.get(waiting.getId()).path("priorityScore").asInt()).isEqualTo(5);
        assertThat(rows.get(waiting.getId()).path("nextBestAction").asText()).isEqualTo("Wait for promise date");
        assertThat(rows.get(waiting.getId()).path("nextPromiseDate").asText())
                .isEqualTo(collection.today().plusDays(5).toString());
        assertThat(rows.get(promiseBreaker.getId()).path("rank").asInt()).isEqualTo(1);
        assertThat(rows.get(bigRisky.getId())
                        .path("overdue")
                        .get(0)
                        .path("currency")
                        .asText())
                .isEqualTo("EUR");

        // the broken promise is audited; the kept one too
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "invoice", invoices.get(promiseBreaker).getId().toString()))
                .extracting(AuditRecord::getAction)
                .containsSubsequence("PROMISE_TO_PAY", "PROMISE_BROKEN");
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "invoice", invoices.get(keeper).getId().toString()))
                .extracting(AuditRecord::getAction)
                .contains("PROMISE_KEPT")
                .doesNotContain("PROMISE_BROKEN");
        JsonNode picture = api.get("collector", "/api/collections/customers/" + promiseBreaker.getId())
                .body();
        assertThat(picture.path("promises").get(0).path("status").asText()).isEqualTo("BROKEN");
        assertThat(picture.path("openItems").get(0).path("reminders")).hasSize(2);
        assertThat(picture.path("openItems")
                        .get(0)
                        .path("invoice")
                        .path("promisedDate")
                        .asText())
                .isEqualTo(promisedBy.toString());

        // a second sweep finds nothing left to settle
        assertThat(promises.settleDue().broken()).isZero();
        // paging: one row a page, ranks count over the whole list
        JsonNode second = api.get("manager", WORKLIST + "?filter=all&size=1&page=1&assignee=" + collector)
                .body();
        assertThat(second.path("rows")).hasSize(1);
        assertThat(second.path("rows").get(0).path("customerId").asLong()).isEqualTo(bigRisky.getId());
        assertThat(second.path("rows").get(0).path("rank").asInt()).isEqualTo(2);
    }

    @Test
    void collectorsClaimTheirCustomersAndManagersReassign() {
        Customer mine = customer("NET5", RiskClass.B);
        Customer someoneElses = customer("NET5", RiskClass.B);
        Customer nobodys = customer("NET5", RiskClass.B);
        for (Customer c : List.of(mine, someoneElses, nobodys)) {
            collection.invoiceFor(c, "700.00");
        }
        collection.days(10);

        Api.Response claimed = assign("collector", mine, "collector");
        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.body().path("collector").asText()).isEqualTo("collector");
        assertThat(assign("collector", nobodys, "admin").status())
                .as("a collector only claims for themselves")
                .isEqualTo(403);
        assertThat(assign("manager", someoneElses, "admin").status()).isEqualTo(200);
        assertThat(assign("collector", someoneElses, "collector").status())
                .as("held by another collector: a manager reassigns")
                .isEqualTo(409);
        assertThat(assign("manager", nobodys, "not a name!").field()).isEqualTo("collector");
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "customer", someoneElses.getId().toString()))
                .extracting(AuditRecord::getAction)
                .contains("COLLECTOR_ASSIGNED");

        assertThat(customerIds("collector", "mine"))
                .contains(mine.getId())
                .doesNotContain(someoneElses.getId(), nobodys.getId());
        assertThat(customerIds("collector", "unassigned"))
                .contains(nobodys.getId())
                .doesNotContain(mine.getId(), someoneElses.getId());
        assertThat(customerIds("collector", "all")).contains(mine.getId(), someoneElses.getId(), nobodys.getId());
        assertThat(customerIds("manager", "mine&assignee=admin"))
                .contains(someoneElses.getId())
                .doesNotContain(mine.getId());

        // giving a customer back; the manager moves the other one to the collector
        assertThat(assign("collector", mine, null).status()).isEqualTo(200);
        assertThat(assign("manager", someoneElses, "collector").status()).isEqualTo(200);
        assertThat(customerIds("collector", "unassigned")).contains(mine.getId());
        assertThat(customerIds("collector", "mine"))
                .contains(someoneElses.getId())
                .doesNotContain(mine.getId());

        assertThat(api.get("collector", WORKLIST + "?filter=everything").field())
                .isEqualTo("filter");
        assertThat(api.get("collector", WORKLIST + "?size=500").field()).isEqualTo("size");
    }

    @Test
    void salesSeeNoWorklistAndAreRefusedBeforeTheirInputIsRead() {
        Customer customer = customer("NET30", RiskClass.B);
        String base = "/api/collections/customers/" + customer.getId();
        assertThat(api.get("sales", WORKLIST).status()).isEqualTo(403);
        assertThat(api.get("sales", base).status()).isEqualTo(403);
        assertThat(api.get("sales", base + "/notes").status()).isEqualTo(403);
        assertThat(api.post("sales", base + "/notes", Map.of("text", "x".repeat(5000)))
                        .status())
                .isEqualTo(403);
        assertThat(api.post("sales", base + "/assignment", Map.of("collector", "sales"))
                        .status())
                .isEqualTo(403);
        assertThat(api.post("sales", base + "/promises", Map.of()).status()).isEqualTo(403);
        assertThat(api.get("analyst", WORKLIST).status()).isEqualTo(403);
        assertThat(api.get("collector", "/api/collections/customers/999999999").status())
                .isEqualTo(404);
    }

    @Test
    void callNotesAreKeptAsTypedNewestFirstWithinTheColumn() {
        Customer customer = customer("NET30", RiskClass.B);
        String notes = "/api/collections/customers/" + customer.getId() + "/notes";
        String markup = "<b>Called</b> the CFO <script>alert('x')</script> & agreed";

        Api.Response first = api.post("collector", notes, Map.of("text", "Left a voicemail"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(api.post("collector", notes, Map.of("text", markup)).status())
                .isEqualTo(201);
        assertThat(api.post("collector", notes, Map.of("text", "x".repeat(CollectionNote.MAX_LENGTH + 1)))
                        .field())
                .isEqualTo("text");
        assertThat(api.post("collector", notes, Map.of("text", "  ")).field()).isEqualTo("text");
        assertThat(api.post("collector", notes, Map.of("text", "x".repeat(CollectionNote.MAX_LENGTH)))
                        .status())
                .isEqualTo(201);

        JsonNode listed = api.get("collector", notes).body();
        assertThat(listed).hasSize(3);
        assertThat(listed.get(1).path("text").asText()).isEqualTo(markup);
        assertThat(listed.get(1).path("author").asText()).isEqualTo("collector");
        assertThat(listed.get(2).path("text").asText()).isEqualTo("Left a voicemail");
        assertThat(api.post("collector", "/api/collections/customers/999999999/notes", Map.of("text", "hello"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aPromiseFromTheWorklistFollowsThePromiseRules() {
        Customer customer = customer("NET30", RiskClass.B);
        Customer other = customer("NET30", RiskClass.B);
        Invoice invoice = collection.invoiceFor(customer, "1000.00");
        Invoice othersInvoice = collection.invoiceFor(other, "1000.00");
        LocalDate today = collection.today();

        assertThat(promise("collector", customer, invoice, today.minusDays(1), "100.00")
                        .field())
                .isEqualTo("promisedDate");
        assertThat(promise("collector", customer, invoice, today.plusDays(91), "100.00")
                        .field())
                .isEqualTo("promisedDate");
        assertThat(promise("collector", customer, invoice, today.plusDays(10), "1000.01")
                        .field())
                .isEqualTo("amount");
        assertThat(promise("collector", customer, invoice, today.plusDays(10), "0")
                        .field())
                .isEqualTo("amount");
        assertThat(promise("collector", customer, invoice, today.plusDays(10), "10.001")
                        .field())
                .isEqualTo("amount");
        assertThat(promise("collector", customer, othersInvoice, today.plusDays(10), "100.00")
                        .field())
                .isEqualTo("invoiceId");
        assertThat(api.post(
                                "collector",
                                "/api/collections/customers/" + customer.getId() + "/promises",
                                Map.of("invoiceId", invoice.getId(), "promisedDate", "tomorrow", "amount", 5))
                        .status())
                .isEqualTo(400);
        assertThat(scenario.invoice(invoice.getId()).getPromisedDate())
                .as("nothing written")
                .isNull();

        Api.Response first = promise("collector", customer, invoice, today.plusDays(90), "400.00");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().path("status").asText()).isEqualTo("OPEN");
        Api.Response second = promise("collector", customer, invoice, today.plusDays(20), "1000.00");
        assertThat(second.status()).isEqualTo(201);
        assertThat(scenario.invoice(invoice.getId()).getPromisedDate()).isEqualTo(today.plusDays(20));

        JsonNode picture = api.get("manager", "/api/collections/customers/" + customer.getId())
                .body();
        assertThat(picture.path("promises")).hasSize(2);
        assertThat(picture.path("promises").get(0).path("status").asText()).isEqualTo("OPEN");
        assertThat(picture.path("promises").get(0).path("amount").decimalValue())
                .isEqualByComparingTo("1000.00");
        assertThat(picture.path("promises").get(1).path("status").asText()).isEqualTo("REPLACED");
        assertThat(picture.path("openItems")).hasSize(1);
        assertThat(picture.path("customer").path("name").asText()).isEqualTo(customer.getName());
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "invoice", invoice.getId().toString()))
                .filteredOn(record -> record.getAction().equals("PROMISE_TO_PAY"))
                .hasSize(2)
                .allSatisfy(record -> assertThat(record.getActor()).isEqualTo("collector"));
    }

    private Customer customer(String terms, RiskClass risk) {
        return scenario.customer(terms, "100000", risk);
    }

    private Api.Response assign(String user, Customer customer, String collector) {
        Map<String, Object> body = new HashMap<>();
        body.put("collector", collector);
        return api.post(user, "/api/collections/customers/" + customer.getId() + "/assignment", body);
    }

    private Api.Response promise(String user, Customer customer, Invoice invoice, LocalDate date, String amount) {
        return api.post(
                user,
                "/api/collections/customers/" + customer.getId() + "/promises",
                Map.of(
                        "invoiceId",
                        invoice.getId(),
                        "promisedDate",
                        date.toString(),
                        "amount",
                        new BigDecimal(amount)));
    }

    /** Every customer id on the list with this filter, over all pages (other tests' customers are listed too). */
    private List<Long> customerIds(String user, String filter) {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = api.get(user, WORKLIST + "?size=200&page=" + page + "&filter=" + filter)
                    .body();
            assertThat(body.path("rows").isArray()).as("worklist page %s", body).isTrue();
            body.path("rows").forEach(row -> ids.add(row.path("customerId").asLong()));
            if (body.path("rows").size() < 200) {
                return ids;
            }
        }
    }

    private void week() {
        collection.days(7);
    }

    private void awaitLevel(Invoice invoice, int level) {
        await().atMost(Scenario.PATIENCE)
                .until(() -> scenario.invoice(invoice.getId()).getDunningLevel() >= level);
    }
}
