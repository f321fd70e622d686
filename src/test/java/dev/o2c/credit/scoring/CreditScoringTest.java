package dev.o2c.credit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o2c.billing.Invoice;
import dev.o2c.collections.DunningService;
import dev.o2c.collections.OutboxEmail;
import dev.o2c.collections.OutboxEmailRepository;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.RiskClass;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.payments.PaymentService;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Credit scoring on the embedded engine and real PostgreSQL: history, triggers, alerts, the nightly run, the API. */
@IntegrationTest
class CreditScoringTest {

    @Autowired
    Scenario scenario;

    @Autowired
    CreditScoring scoring;

    @Autowired
    CreditAlerts alerts;

    @Autowired
    NightlyScoring nightly;

    @Autowired
    CustomerService customers;

    @Autowired
    PaymentService payments;

    @Autowired
    OutboxEmailRepository outbox;

    @Autowired
    LedgerInvariants ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Api api;

    @Autowired
    DunningService dunning;

    @Test
    void aPostedPaymentRescoresTheCustomerWithItsDaysBeyondTermsInTheHistory() {
        Customer customer = scenario.customer("NET30", "10000.00", RiskClass.B);
        Invoice invoice = scenario.invoiceFor(customer, "5000.00");
        CreditScoring.Outcome first = scoring.recompute(customer.getId(), ScoreTrigger.manual("analyst"));
        assertThat(first.recorded()).isTrue();
        assertThat(first.score().getFactors())
                .contains("utilisation 50 % (5000.00 of 10000.00 EUR)")
                .contains("15 points: Uses at most half of the credit limit");

        payments.post(
                new PaymentService.NewPayment(
                        customer.getId(),
                        new BigDecimal("5000.00"),
                        "EUR",
                        invoice.getNumber(),
                        invoice.getDueDate().plusDays(21),
                        "scoring-" + UUID.randomUUID(),
                        List.of()),
                "clerk");

        await().atMost(Scenario.PATIENCE)
                .until(() -> scoring.history(customer.getId()).size() == 2);
        CreditScore afterPayment = scoring.latest(customer.getId()).orElseThrow();
        assertThat(afterPayment.getTrigger()).startsWith("PAYMENT_POSTED (payment ");
        JsonNode inputs = read(afterPayment.getInputs());
        assertThat(inputs.path("invoicesPaid").asLong()).isEqualTo(1);
        assertThat(inputs.path("averageDaysBeyondTerms").decimalValue()).isEqualByComparingTo("21");
        assertThat(inputs.path("sharePaidLatePercent").decimalValue()).isEqualByComparingTo("100");
        assertThat(inputs.path("utilisationPercent").decimalValue()).isZero();
        assertThat(afterPayment.getFactors())
                .contains("utilisation 0 % (0.00 of 10000.00 EUR), was 50 %")
                .contains("5 points: Pays 16 to 30 days beyond terms on average")
                .contains("0 points: More than half of the invoices paid late");
        assertThat(scenario.invoice(invoice.getId()).getPaidOn())
                .isEqualTo(invoice.getDueDate().plusDays(21));
        ledger.assertHold();
    }

    @Test
    void aReminderRescoresTheCustomerWithTheDunningLevelItReached() {
        Customer customer = scenario.customer("NET30", "10000.00", RiskClass.B);
        Invoice invoice = scenario.invoiceFor(customer, "800.00");
        // sent directly (not by the invoice's process, whose first check is weeks away): the trigger is this one
        dunning.sendReminder(invoice.getId(), 2, DunningService.Charges.NONE);

        await().atMost(Scenario.PATIENCE).until(() -> scoring.latest(customer.getId())
                .map(score -> score.getTrigger().startsWith("REMINDER_SENT"))
                .orElse(false));
        CreditScore afterReminder = scoring.latest(customer.getId()).orElseThrow();
        assertThat(afterReminder.getTrigger())
                .isEqualTo("REMINDER_SENT (reminder level 2 on invoice " + invoice.getNumber() + ")");
        JsonNode inputs = read(afterReminder.getInputs());
        assertThat(inputs.path("highestDunningLevel").asInt()).isEqualTo(2);
        // the same reminder again (a job delivered twice) sends nothing and scores nothing
        int scored = scoring.history(customer.getId()).size();
        assertThat(dunning.sendReminder(invoice.getId(), 2, DunningService.Charges.NONE)
                        .sentNow())
                .isFalse();
        assertThat(scoring.history(customer.getId())).hasSize(scored);
        ledger.assertHold();
    }

    @Test
    void utilisationAlertsAt80And100PercentOncePerCrossingWithAnEmailToTheAnalysts() {
        Customer customer = scenario.customer("NET30", "1000.00", RiskClass.B);
        scenario.invoiceFor(customer, "700.00");
        assertThat(recompute(customer).alerts()).as("70 %").isEmpty();

        customers.changeCreditLimit(customer.getId(), new BigDecimal("850.00"), "manager", "test");
        CreditScoring.Outcome at82 = recompute(customer);
        assertThat(at82.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.getKind()).isEqualTo(CreditAlert.Kind.UTILISATION_80);
            assertThat(alert.getMessage()).contains("82.4 %");
        });
        OutboxEmail email = outbox.findByDedupKey(
                        "credit-alert-" + at82.alerts().getFirst().getId())
                .orElseThrow();
        assertThat(email.getRecipient()).isEqualTo("credit-analysts@example.com");
        assertThat(email.getSubject()).contains("UTILISATION_80").contains(customer.getName());

        CreditScoring.Outcome again = recompute(customer);
        assertThat(again.recorded()).as("same facts, no new row").isFalse();
        assertThat(again.alerts()).isEmpty();

        customers.changeCreditLimit(customer.getId(), new BigDecimal("650.00"), "manager", "test");
        assertThat(recompute(customer).alerts())
                .extracting(CreditAlert::getKind)
                .containsExactly(CreditAlert.Kind.UTILISATION_100);
        customers.changeCreditLimit(customer.getId(), new BigDecimal("600.00"), "manager", "test");
        assertThat(recompute(customer).alerts())
                .as("still above 100 %: no second alert")
                .isEmpty();

        customers.changeCreditLimit(customer.getId(), new BigDecimal("2000.00"), "manager", "test");
        assertThat(recompute(customer).alerts()).as("back to 35 %").isEmpty();
        customers.changeCreditLimit(customer.getId(), new BigDecimal("850.00"), "manager", "test");
        assertThat(recompute(customer).alerts())
                .as("a new crossing is a new alert")
                .extracting(CreditAlert::getKind)
                .containsExactly(CreditAlert.Kind.UTILISATION_80);
        assertThat(alerts.ofCustomer(customer.getId(), null)).hasSize(3);
    }

    @Test
    void aDropOfRiskClassIsAnAuditedChangeByTheSystemAndAnAlert() {
        Customer customer = scenario.customer("NET30", "10000.00", RiskClass.A);
        ScoreFacts poor = new ScoreFacts(
                8,
                new BigDecimal("40.0"),
                new BigDecimal("55.0"),
                new BigDecimal("20.0"),
                new BigDecimal("75.0"),
                "EUR",
                new BigDecimal("9000.00"),
                new BigDecimal("10000.00"),
                new BigDecimal("90.0"),
                3,
                2,
                2,
                3,
                null,
                false);
        CreditScoring.Outcome outcome =
                scoring.recompute(customer.getId(), poor, ScoreTrigger.promiseBroken("INV-TEST"));

        assertThat(outcome.score().getScore()).isEqualTo(0 + 0 + 0 + 5 + 0 + 0 + 0 + 5);
        assertThat(outcome.score().getRiskClass()).isEqualTo(RiskClass.D);
        assertThat(outcome.score().getFactors())
                .startsWith("days beyond terms rose from 20 to 55 (9 months before vs last 3 months)");
        assertThat(customers.get(customer.getId()).riskClass()).isEqualTo(RiskClass.D);
        assertThat(outcome.alerts())
                .extracting(CreditAlert::getKind)
                .containsExactlyInAnyOrder(CreditAlert.Kind.UTILISATION_80, CreditAlert.Kind.RISK_CLASS_DROP);
        assertThat(outcome.alerts())
                .filteredOn(a -> a.getKind() == CreditAlert.Kind.RISK_CLASS_DROP)
                .singleElement()
                .satisfies(a -> assertThat(a.getMessage()).startsWith("risk class fell from A to D (score 10"));
        List<Map<String, Object>> change = jdbc.queryForList(
                "select actor, details, reason from audit_record where action = 'RISK_CLASS_CHANGED'"
                        + " and entity_type = 'customer' and entity_id = ?",
                String.valueOf(customer.getId()));
        assertThat(change).singleElement().satisfies(r -> {
            assertThat(r.get("actor")).isEqualTo("system");
            assertThat(r.get("details")).isEqualTo("A -> D");
            assertThat((String) r.get("reason"))
                    .contains("PROMISE_BROKEN (invoice INV-TEST)")
                    .contains("days beyond terms rose from 20 to 55");
        });

        ScoreFacts insolvent = new ScoreFacts(
                8,
                new BigDecimal("40.0"),
                new BigDecimal("55.0"),
                new BigDecimal("20.0"),
                new BigDecimal("75.0"),
                "EUR",
                new BigDecimal("9000.00"),
                new BigDecimal("10000.00"),
                new BigDecimal("90.0"),
                3,
                2,
                2,
                3,
                "C",
                true);
        CreditScoring.Outcome bureau = scoring.recompute(
                customer.getId(), insolvent, new ScoreTrigger(ScoreTrigger.Kind.BUREAU_REPORT, "test"));
        assertThat(bureau.alerts())
                .as("already D and above 80 %: only the insolvency is new")
                .extracting(CreditAlert::getKind)
                .containsExactly(CreditAlert.Kind.BUREAU_INSOLVENCY);
        assertThat(scoring.recompute(customer.getId(), insolvent, ScoreTrigger.nightly())
                        .recorded())
                .isFalse();
    }

    @Test
    void withNothingToGoOnTheScoreMayLowerTheRiskClassButNotRaiseIt() {
        Customer customer = scenario.customer("NET30", "10000.00", RiskClass.C);
        scenario.invoiceFor(customer, "1000.00");

        CreditScoring.Outcome outcome = recompute(customer);

        assertThat(outcome.score().getRiskClass()).as("what the scorecard says").isEqualTo(RiskClass.B);
        assertThat(customers.get(customer.getId()).riskClass()).isEqualTo(RiskClass.C);
        assertThat(outcome.score().getFactors())
                .contains("risk class stays C (score says B): no invoice paid in the last 12 months and no bureau"
                        + " report, so the score may lower the class but not raise it");
        assertThat(outcome.alerts()).isEmpty();
    }

    @Test
    void theNightlyRunScoresCustomersWithOpenItemsAndASecondRunChangesNothing() {
        Customer customer = scenario.customer("NET30", "10000.00", RiskClass.B);
        scenario.invoiceFor(customer, "1200.00");
        long before = count(customer);

        NightlyScoring.Summary first = nightly.run();
        assertThat(first.failed()).isZero();
        assertThat(count(customer)).isEqualTo(before + 1);
        assertThat(scoring.latest(customer.getId()).orElseThrow().getTrigger()).isEqualTo("NIGHTLY (nightly run)");

        NightlyScoring.Summary second = nightly.run();
        assertThat(second.scored()).isGreaterThanOrEqualTo(first.scored());
        assertThat(count(customer)).as("unchanged facts, no second row").isEqualTo(before + 1);
    }

    @Test
    void theScoreAndAlertsThroughTheApi() {
        Customer customer = scenario.customer("NET30", "1000.00", RiskClass.B);
        scenario.invoiceFor(customer, "900.00");
        String path = "/api/customers/" + customer.getId() + "/score";

        assertThat(api.get("sales", path).status()).isEqualTo(403);
        assertThat(api.get("analyst", "/api/customers/999999999/score").status())
                .isEqualTo(404);
        assertThat(api.post("analyst", "/api/customers/999999999/score/recompute", null)
                        .status())
                .isEqualTo(404);

        Api.Response recomputed = api.post("analyst", path + "/recompute", null);
        assertThat(recomputed.status()).isEqualTo(200);
        assertThat(recomputed.body().path("recorded").asBoolean()).isTrue();
        assertThat(recomputed.body().path("score").path("trigger").asText()).isEqualTo("MANUAL (asked by analyst)");
        assertThat(recomputed.body().path("alertsRaised").get(0).path("kind").asText())
                .isEqualTo("UTILISATION_80");
        assertThat(api.post("analyst", path + "/recompute", null)
                        .body()
                        .path("recorded")
                        .asBoolean())
                .isFalse();

        Api.Response card = api.get("manager", path);
        assertThat(card.status()).isEqualTo(200);
        assertThat(card.body().path("riskClass").asText())
                .isEqualTo(card.body().path("latest").path("riskClass").asText());
        assertThat(card.body().path("history")).hasSize(1);
        assertThat(card.body().path("latest").path("factors").toString()).contains("utilisation 90 %");
        assertThat(card.body()
                        .path("latest")
                        .path("inputs")
                        .path("utilisationPercent")
                        .decimalValue())
                .isEqualByComparingTo("90");

        Api.Response open = api.get("analyst", "/api/customers/" + customer.getId() + "/credit-alerts?status=OPEN");
        assertThat(open.body()).hasSize(1);
        long alertId = open.body().get(0).path("id").asLong();
        assertThat(api.get("analyst", "/api/credit/alerts?status=OPEN").body().toString())
                .contains("\"id\":" + alertId + ",");

        Api.Response acknowledged = api.post(
                "analyst", "/api/credit/alerts/" + alertId + "/acknowledge", Map.of("note", "called the customer"));
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.body().path("acknowledgedBy").asText()).isEqualTo("analyst");
        assertThat(api.post("manager", "/api/credit/alerts/" + alertId + "/acknowledge", Map.of())
                        .status())
                .as("once")
                .isEqualTo(409);
        assertThat(api.post("analyst", "/api/credit/alerts/999999999/acknowledge", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("analyst", "/api/credit/alerts?status=NONSENSE").status())
                .isEqualTo(400);
        assertThat(api.get("analyst", "/api/customers/" + customer.getId() + "/credit-alerts?status=OPEN")
                        .body())
                .isEmpty();
    }

    private CreditScoring.Outcome recompute(Customer customer) {
        return scoring.recompute(customer.getId(), ScoreTrigger.manual("analyst"));
    }

    private long count(Customer customer) {
        return jdbc.queryForObject(
                "select count(*) from credit_score where customer_id = ?", Long.class, customer.getId());
    }

    private static JsonNode read(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
