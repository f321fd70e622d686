package dev.o2c.credit.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o2c.credit.CreditDecision;
import dev.o2c.credit.CreditDecisions;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.PaymentTerms;
import dev.o2c.customers.RiskClass;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.platform.audit.AuditRecord;
import dev.o2c.platform.audit.AuditRepository;
import dev.o2c.platform.security.Groups;
import dev.o2c.support.Api;
import dev.o2c.support.EngineRecords;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskInbox;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The credit bureau end to end: the HTTP adapter against the bureau simulator (a real HTTP server on a local port),
 * the embedded engine running order-to-cash with its bureau step, and real PostgreSQL.
 */
@IntegrationTest
class CreditBureauTest {

    @Autowired
    Scenario scenario;

    @Autowired
    EngineRecords engine;

    @Autowired
    CustomerService customers;

    @Autowired
    CreditDecisions decisions;

    @Autowired
    CreditBureauSimulator simulator;

    @Autowired
    AuditRepository audit;

    @Autowired
    TaskInbox inbox;

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    // ---- the credit check ----------------------------------------------------------------------------------------

    @Test
    void theCreditDecisionUsesTheBureauReport() {
        String vatId = freshVatId();
        Customer customer = assessedCustomer(vatId, RiskClass.B);
        SalesOrder order = scenario.awaitStatus(scenario.order(customer, "1000.00"), OrderStatus.APPROVED);

        var expected = simulator.report(vatId, vatId, "DE");
        CreditDecision policy = decisions.forOrder(order.getId()).getFirst();
        assertThat(policy.getInputs())
                .contains("\"bureauAvailable\":true")
                .contains("\"bureauStatus\":\"REPORT\"")
                .contains("\"bureauRating\":\"" + expected.path("rating").asText() + "\"")
                .contains("\"bureauScore\":" + expected.path("score").asInt())
                .contains("\"bureauInsolvent\":false");
        List<String> completed = engine.completedElements(order.getProcessInstanceKey());
        assertThat(completed).contains("Task_FetchBureauReport").doesNotContain("Event_BureauUnavailable");
        assertThat(engine.incidentMessages(order.getProcessInstanceKey())).isEmpty();
    }

    /**
     * Slow, failing, malformed and too large answers: each a bureau failure, audited with its kind; the order takes
     * the modelled fallback (boundary event "Bureau unavailable") and is decided on internal data, never an incident.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"ZZSLOW, TIMEOUT", "ZZDOWN, SERVER_ERROR", "ZZMALFORMED, MALFORMED", "ZZHUGE, TOO_LARGE"})
    void aBureauFailureTakesTheFallbackPathAndNeverAnIncident(String vatId, String kind) {
        Customer customer = assessedCustomer(vatId, RiskClass.B);
        SalesOrder order = scenario.awaitStatus(scenario.order(customer, "1000.00"), OrderStatus.APPROVED);

        assertThat(engine.completedElements(order.getProcessInstanceKey()))
                .contains("Event_BureauUnavailable", "Task_CheckCredit", "Task_DecideCredit")
                .doesNotContain("Task_FetchBureauReport");
        assertThat(engine.incidentMessages(order.getProcessInstanceKey())).isEmpty();
        CreditDecision policy = decisions.forOrder(order.getId()).getFirst();
        assertThat(policy.getInputs())
                .contains("\"bureauAvailable\":false")
                .contains("\"bureauStatus\":\"UNAVAILABLE\"");
        assertThat(policy.getReason()).isEqualTo("Within available credit and no overdue history");
        assertThat(auditOf(customer))
                .filteredOn(record -> record.getAction().equals("BUREAU_REPORT_FAILED"))
                .extracting(AuditRecord::getDetails)
                .anySatisfy(details -> assertThat(details).contains(kind));
        assertThat(jdbc.queryForObject(
                        "select count(*) from bureau_report where customer_id = ?", Long.class, customer.getId()))
                .as("nothing stored from a failed answer")
                .isZero();
    }

    @Test
    void anInsolventCustomerGoesToACreditManagerWhateverItsFigures() {
        Customer customer = assessedCustomer(CreditBureauSimulator.INSOLVENT, RiskClass.A);
        SalesOrder order = scenario.order(customer, "1000.00");
        HumanTask review = scenario.awaitReview(order);

        assertThat(review.candidateGroups()).containsExactly(Groups.CREDIT_MANAGERS);
        assertThat(inbox.variablesOf(review))
                .containsEntry("reviewReason", "Credit bureau reports insolvency proceedings")
                .containsEntry("bureauInsolvent", true);
        assertThat(engine.incidentMessages(order.getProcessInstanceKey())).isEmpty();
    }

    @Test
    void aFreshReportIsReusedAndAnExpiredOneFetchedAgain() {
        String vatId = freshVatId();
        Customer customer = assessedCustomer(vatId, RiskClass.B);
        // the new-customer check fetched the first report
        await().atMost(Scenario.PATIENCE).until(() -> storedReports(customer) == 1);
        assertThat(simulator.requestsFor(vatId)).isEqualTo(1);

        scenario.awaitStatus(scenario.order(customer, "100.00"), OrderStatus.APPROVED);
        scenario.awaitStatus(scenario.order(customer, "200.00"), OrderStatus.APPROVED);
        assertThat(simulator.requestsFor(vatId))
                .as("both orders used the stored report")
                .isEqualTo(1);
        assertThat(storedReports(customer)).isEqualTo(1);

        scenario.advance(Duration.ofDays(31));
        scenario.awaitStatus(scenario.order(customer, "300.00"), OrderStatus.APPROVED);
        assertThat(simulator.requestsFor(vatId)).as("expired after 30 days").isEqualTo(2);
        assertThat(storedReports(customer)).isEqualTo(2);
    }

    // ---- a new customer ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> risk class {1}")
    @CsvSource({"ZZPRIME, A", "ZZRISKY, D", "ZZINSOLVENT, D"})
    void aNewCustomerGetsItsRiskClassFromTheBureau(String vatId, String riskClass) {
        long id = createdBySales(vatId);
        await().atMost(Scenario.PATIENCE).until(() -> customers.get(id).riskClass() == RiskClass.valueOf(riskClass));
        AuditRecord change = auditOf(customers.get(id)).stream()
                .filter(record -> record.getAction().equals("RISK_CLASS_CHANGED"))
                .findFirst()
                .orElseThrow();
        assertThat(change.getActor()).isEqualTo("credit-bureau");
        assertThat(change.getDetails()).isEqualTo("C -> " + riskClass);
        assertThat(change.getReason()).startsWith("initial risk class from the credit bureau report (rating");
    }

    @Test
    void withoutAReportTheConservativeDefaultStays() {
        long unknown = createdBySales(CreditBureauSimulator.UNKNOWN);
        long down = createdBySales(CreditBureauSimulator.DOWN);
        await().atMost(Scenario.PATIENCE).until(() -> hasAudit(unknown, "BUREAU_REPORT_NOT_FOUND"));
        await().atMost(Scenario.PATIENCE).until(() -> hasAudit(down, "BUREAU_REPORT_FAILED"));
        assertThat(customers.get(unknown).riskClass()).isEqualTo(RiskClass.C);
        assertThat(customers.get(down).riskClass()).isEqualTo(RiskClass.C);
    }

    @Test
    void aRiskClassCreditStaffSetIsNotOverwritten() {
        var created = api.post("analyst", "/api/customers", customerBody(CreditBureauSimulator.RISKY, "B"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        await().atMost(Scenario.PATIENCE).until(() -> hasAudit(id, "BUREAU_REPORT_FETCHED"));
        assertThat(customers.get(id).riskClass()).isEqualTo(RiskClass.B);
    }

    @Test
    void aVatIdOfTheWrongShapeIsRefusedNamingTheField() {
        for (String bad : List.of("de123456789", "DE 123456789", "D1", "DE1234567890123456")) {
            var response = api.post("sales", "/api/customers", customerBody(bad, null));
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.field()).isEqualTo("vatId");
        }
    }

    // ---- the API for credit staff --------------------------------------------------------------------------------

    @Test
    void creditStaffSeeAndRefreshTheReport() {
        String vatId = freshVatId();
        long id = createdBySales(vatId);
        await().atMost(Scenario.PATIENCE).until(() -> hasAudit(id, "BUREAU_REPORT_FETCHED"));

        var latest = api.get("analyst", "/api/customers/" + id + "/bureau-report");
        assertThat(latest.status()).isEqualTo(200);
        var expected = simulator.report(vatId, vatId, "DE");
        assertThat(latest.body().path("vatId").asText()).isEqualTo(vatId);
        assertThat(latest.body().path("rating").asText())
                .isEqualTo(expected.path("rating").asText());
        assertThat(latest.body().path("score").asInt())
                .isEqualTo(expected.path("score").asInt());
        assertThat(latest.body().path("recommendedLimitCurrency").asText()).isEqualTo("EUR");
        assertThat(latest.body().path("fresh").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject(
                        "select raw_response from bureau_report where customer_id = ?", String.class, id))
                .contains("\"simulated\":true");

        var refreshed = api.post(
                "manager", "/api/customers/" + id + "/bureau-report/refresh", Map.of("reason", "Annual review"));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.body().path("fetchedBy").asText()).isEqualTo("manager");
        assertThat(simulator.requestsFor(vatId)).isEqualTo(2);
        AuditRecord fetched = auditOf(customers.get(id)).stream()
                .filter(record -> record.getAction().equals("BUREAU_REPORT_FETCHED"))
                .reduce((first, second) -> second)
                .orElseThrow();
        assertThat(fetched.getActor()).isEqualTo("manager");
        assertThat(fetched.getReason()).isEqualTo("Annual review");

        assertThat(api.get("sales", "/api/customers/" + id + "/bureau-report").status())
                .isEqualTo(403);
    }

    @Test
    void refusalsAreProblemsNotServerErrors() {
        var unknown = api.get("analyst", "/api/customers/987654321/bureau-report");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        long withoutVat = createdBySales(null);
        var noVat = api.post(
                "analyst", "/api/customers/" + withoutVat + "/bureau-report/refresh", Map.of("reason", "check"));
        assertThat(noVat.status()).isEqualTo(400);
        assertThat(noVat.field()).isEqualTo("vatId");
        assertThat(api.get("analyst", "/api/customers/" + withoutVat + "/bureau-report")
                        .status())
                .as("no report fetched yet")
                .isEqualTo(404);

        long down = createdBySales(CreditBureauSimulator.DOWN);
        var failed =
                api.post("analyst", "/api/customers/" + down + "/bureau-report/refresh", Map.of("reason", "check"));
        assertThat(failed.status()).isEqualTo(409);
        assertThat(failed.body().path("detail").asText()).contains("SERVER_ERROR");

        long malformed = createdBySales(CreditBureauSimulator.MALFORMED);
        var unreadable = api.post(
                "analyst", "/api/customers/" + malformed + "/bureau-report/refresh", Map.of("reason", "check"));
        assertThat(unreadable.status()).isEqualTo(409);
        assertThat(unreadable.body().path("detail").asText()).contains("malformed");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static String freshVatId() {
        return "DE" + (100_000_000 + ThreadLocalRandom.current().nextInt(900_000_000));
    }

    /** A customer whose risk class credit staff set (the bureau does not change it), with a VAT id. */
    private Customer assessedCustomer(String vatId, RiskClass riskClass) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return customers.create(
                new CustomerService.NewCustomer(
                        "Bureau customer " + tag,
                        tag + "@bureau.example",
                        "EUR",
                        PaymentTerms.parse("NET30"),
                        new BigDecimal("50000"),
                        riskClass,
                        BigDecimal.ZERO,
                        null,
                        vatId,
                        true,
                        null,
                        null),
                "test");
    }

    private long createdBySales(String vatId) {
        var created = api.post("sales", "/api/customers", customerBody(vatId, null));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().path("riskClass").asText()).isEqualTo("C");
        return created.body().path("id").asLong();
    }

    private static Map<String, Object> customerBody(String vatId, String riskClass) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        var body = new java.util.HashMap<String, Object>(Map.of(
                "name",
                "New customer " + tag,
                "email",
                tag + "@new.example",
                "currency",
                "EUR",
                "paymentTerms",
                "NET30"));
        if (vatId != null) {
            body.put("vatId", vatId);
        }
        if (riskClass != null) {
            body.put("riskClass", riskClass);
        }
        return body;
    }

    private List<AuditRecord> auditOf(Customer customer) {
        return audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                "customer", customer.getId().toString());
    }

    private boolean hasAudit(long customerId, String action) {
        return audit.findByEntityTypeAndEntityIdOrderByIdAsc("customer", Long.toString(customerId)).stream()
                .anyMatch(record -> record.getAction().equals(action));
    }

    private long storedReports(Customer customer) {
        return jdbc.queryForObject(
                "select count(*) from bureau_report where customer_id = ?", Long.class, customer.getId());
    }
}
