package dev.o2c.credit.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.o2c.credit.scoring.CreditAlert;
import dev.o2c.credit.scoring.CreditScoring;
import dev.o2c.credit.scoring.ScoreTrigger;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.RiskClass;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.platform.audit.AuditRecord;
import dev.o2c.platform.audit.AuditRepository;
import dev.o2c.platform.errors.NotPermittedException;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import dev.o2c.support.Api;
import dev.o2c.support.EngineRecords;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskInbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of credit-limit-review on the embedded engine: request, decisions, four eyes, periodic, alert, recheck. */
@IntegrationTest
class CreditLimitReviewPathsTest {

    static final CurrentUser ANALYST = new CurrentUser("analyst", Set.of(Groups.CREDIT_ANALYSTS));
    static final CurrentUser MANAGER = new CurrentUser("manager", Set.of(Groups.CREDIT_MANAGERS));
    static final CurrentUser SECOND_MANAGER = new CurrentUser("manager-two", Set.of(Groups.CREDIT_MANAGERS));

    @Autowired
    Scenario scenario;

    @Autowired
    EngineRecords engine;

    @Autowired
    TaskInbox inbox;

    @Autowired
    LimitReviews reviews;

    @Autowired
    CustomerService customers;

    @Autowired
    AuditRepository audit;

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LedgerInvariants ledger;

    @Autowired
    CreditScoring scoring;

    @AfterEach
    void ledgerStillHolds() {
        ledger.assertHold();
    }

    private long requestThroughTheApi(String user, Customer customer, Object amount) {
        Api.Response response = api.post(
                user,
                "/api/customers/" + customer.getId() + "/limit-requests",
                Map.of("amount", amount, "currency", customer.getCurrency(), "reason", "Seasonal peak"));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.body().path("status").asText()).isEqualTo("OPEN");
        assertThat(response.body().path("trigger").asText()).isEqualTo("REQUEST");
        return response.body().path("id").asLong();
    }

    private HumanTask awaitDecisionTask(long reviewId) {
        LimitReview review = await().atMost(Scenario.PATIENCE)
                .until(() -> reviews.get(reviewId), r -> r.getProcessInstanceKey() != null);
        return scenario.awaitOpenTask(review.getProcessInstanceKey(), "Task_DecideCreditLimit");
    }

    private LimitReview awaitStatus(long reviewId, LimitReview.Status status) {
        return await().atMost(Scenario.PATIENCE)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> reviews.get(reviewId), r -> r.getStatus() == status);
    }

    private List<AuditRecord> customerAudit(Customer customer) {
        return audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                "customer", customer.getId().toString());
    }

    @Test
    void salesAsksAndAnAnalystAcceptsTheProposal() {
        Customer customer = scenario.customer("10000");
        long reviewId = requestThroughTheApi("sales", customer, 14000);
        HumanTask task = awaitDecisionTask(reviewId);
        assertThat(task.getFormId()).isEqualTo("credit-limit-review");
        assertThat(task.getBusinessKey()).isEqualTo("LIMIT-REVIEW-" + reviewId);
        // a 4,000 raise is an analyst's decision; managers hold that authority too
        assertThat(task.candidateGroups()).containsExactly(Groups.CREDIT_ANALYSTS, Groups.CREDIT_MANAGERS);
        Map<String, Object> variables = inbox.variablesOf(task);
        assertThat(variables).containsEntry("riskClass", "B").containsEntry("requestedBy", "sales");
        assertThat(new java.math.BigDecimal(variables.get("recommendedLimit").toString()))
                .isEqualByComparingTo("14000");

        // the task's context and form come through the API, as the inbox page shows them
        Api.Response shown = api.get("analyst", "/api/tasks/" + task.getJobKey());
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body().toString()).contains("credit-limit-review").contains("Seasonal peak");
        // due five days on (the model's P5D), and the inbox shows that date
        engine.assertDueAfterCreation(task, Duration.ofDays(5));
        assertThat(Instant.parse(shown.body().path("dueAt").asText())).isEqualTo(task.getDueAt());

        Api.Response completed = api.post(
                "analyst",
                "/api/tasks/" + task.getJobKey() + "/complete",
                Map.of("variables", Map.of("limitDecision", "ACCEPT", "limitComment", "Pays on time")));
        assertThat(completed.status()).as(completed.body().toString()).isLessThan(300);

        LimitReview applied = awaitStatus(reviewId, LimitReview.Status.APPLIED);
        assertThat(applied.getOldLimit()).isEqualByComparingTo("10000");
        assertThat(applied.getNewLimit()).isEqualByComparingTo("14000");
        assertThat(applied.getDecidedBy()).isEqualTo("analyst");
        assertThat(applied.getAuthorityGroup()).isEqualTo(Groups.CREDIT_ANALYSTS);
        assertThat(customers.get(customer.getId()).getCreditLimit()).isEqualByComparingTo("14000");
        assertThat(customerAudit(customer)).anySatisfy(record -> {
            assertThat(record.getAction()).isEqualTo("CREDIT_LIMIT_CHANGED");
            assertThat(record.getActor()).isEqualTo("analyst");
            assertThat(record.getDetails()).isEqualTo("10000.00 -> 14000.00");
            assertThat(record.getReason()).contains("limit review " + reviewId).contains("Pays on time");
        });
        engine.awaitCompleted(applied.getProcessInstanceKey(), "EndEvent_LimitSet");
        assertThat(api.get("sales", "/api/customers/" + customer.getId() + "/limit-reviews")
                        .body()
                        .get(0)
                        .path("status")
                        .asText())
                .isEqualTo("APPLIED");
    }

    @Test
    void aManagerChangesTheLimitAnAnalystMayNotSet() {
        Customer customer = scenario.customer("10000");
        long reviewId = requestThroughTheApi("sales", customer, 30000);
        HumanTask task = awaitDecisionTask(reviewId);
        assertThat(reviews.get(reviewId).getRecommendedLimit()).isEqualByComparingTo("15000");

        Map<String, Object> change =
                Map.of("limitDecision", "CHANGE", "newCreditLimit", 25000, "limitComment", "Framework contract");
        assertThatThrownBy(() -> inbox.complete(task.getJobKey(), change, ANALYST))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("needs the group credit-managers")
                .hasMessageContaining("10000.00 -> 25000");
        assertThat(reviews.get(reviewId).getStatus()).isEqualTo(LimitReview.Status.OPEN);

        inbox.complete(task.getJobKey(), change, MANAGER);
        LimitReview applied = awaitStatus(reviewId, LimitReview.Status.APPLIED);
        assertThat(applied.getDecision()).isEqualTo(LimitReview.Decision.CHANGE);
        assertThat(applied.getNewLimit()).isEqualByComparingTo("25000");
        assertThat(customers.get(customer.getId()).getCreditLimit()).isEqualByComparingTo("25000");
    }

    @Test
    void anAnalystRefusesAndTheLimitStays() {
        Customer customer = scenario.customer("10000");
        long reviewId = requestThroughTheApi("sales", customer, 12000);
        HumanTask task = awaitDecisionTask(reviewId);

        inbox.complete(
                task.getJobKey(), Map.of("limitDecision", "REFUSE", "limitComment", "Two disputes open"), ANALYST);

        LimitReview refused = awaitStatus(reviewId, LimitReview.Status.REFUSED);
        engine.awaitCompleted(refused.getProcessInstanceKey(), "EndEvent_LimitKept");
        assertThat(engine.completedElements(refused.getProcessInstanceKey())).doesNotContain("Task_ApplyCreditLimit");
        assertThat(customers.get(customer.getId()).getCreditLimit()).isEqualByComparingTo("10000");
        assertThat(customerAudit(customer))
                .noneMatch(record -> record.getAction().equals("CREDIT_LIMIT_CHANGED"));
        // the review is closed: a new request may start
        assertThat(reviews.openReviewOf(customer.getId())).isEmpty();
    }

    @Test
    void aRaiseBeyondTheAuthorityNeedsTwoDifferentManagersAndNeverTheRequester() {
        Customer customer = scenario.customer("10000");
        long reviewId = requestThroughTheApi("admin", customer, 200000);
        HumanTask task = awaitDecisionTask(reviewId);
        Map<String, Object> change =
                Map.of("limitDecision", "CHANGE", "newCreditLimit", 150000, "limitComment", "Group guarantee");

        CurrentUser admin = new CurrentUser("admin", Set.of(Groups.SALES, Groups.CREDIT_MANAGERS));
        assertThatThrownBy(() -> inbox.complete(task.getJobKey(), change, admin))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("four eyes: admin asked for limit review");

        inbox.complete(task.getJobKey(), change, MANAGER);
        LimitReview awaiting = awaitStatus(reviewId, LimitReview.Status.AWAITING_SECOND_APPROVAL);
        assertThat(awaiting.isSecondApproverRequired()).isTrue();
        HumanTask second = scenario.awaitOpenTask(awaiting.getProcessInstanceKey(), "Task_ConfirmCreditLimit");
        assertThat(second.getFormId()).isEqualTo("credit-limit-second-approval");
        engine.assertDueAfterCreation(second, Duration.ofDays(2)); // the model's P2D for the second approver
        assertThat(second.candidateGroups()).containsExactly(Groups.CREDIT_MANAGERS);
        assertThat(customers.get(customer.getId()).getCreditLimit()).isEqualByComparingTo("10000");

        Map<String, Object> confirm = Map.of("limitSecondApproval", "CONFIRM", "limitSecondComment", "Agreed");
        assertThatThrownBy(() -> inbox.complete(second.getJobKey(), confirm, MANAGER))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("four eyes: manager made the first decision");
        assertThatThrownBy(() -> inbox.complete(second.getJobKey(), confirm, admin))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("asked for limit review");
        assertThatThrownBy(() -> inbox.complete(second.getJobKey(), confirm, ANALYST))
                .isInstanceOf(NotPermittedException.class);

        inbox.complete(second.getJobKey(), confirm, SECOND_MANAGER);
        LimitReview applied = awaitStatus(reviewId, LimitReview.Status.APPLIED);
        assertThat(applied.approvers()).isEqualTo("manager + manager-two");
        assertThat(customers.get(customer.getId()).getCreditLimit()).isEqualByComparingTo("150000");
        assertThat(customerAudit(customer)).anySatisfy(record -> {
            assertThat(record.getAction()).isEqualTo("CREDIT_LIMIT_CHANGED");
            assertThat(record.getActor()).isEqualTo("manager + manager-two");
            assertThat(record.getDetails()).isEqualTo("10000.00 -> 150000.00");
        });
    }

    @Test
    void aRefusedSecondApprovalKeepsTheLimit() {
        Customer customer = scenario.customer("10000");
        long reviewId = requestThroughTheApi("sales", customer, 200000);
        HumanTask task = awaitDecisionTask(reviewId);
        inbox.complete(
                task.getJobKey(),
                Map.of("limitDecision", "CHANGE", "newCreditLimit", 150000, "limitComment", "Group guarantee"),
                MANAGER);
        LimitReview awaiting = awaitStatus(reviewId, LimitReview.Status.AWAITING_SECOND_APPROVAL);
        HumanTask second = scenario.awaitOpenTask(awaiting.getProcessInstanceKey(), "Task_ConfirmCreditLimit");

        inbox.complete(
                second.getJobKey(),
                Map.of("limitSecondApproval", "REFUSE", "limitSecondComment", "Guarantee not signed"),
                SECOND_MANAGER);

        LimitReview refused = awaitStatus(reviewId, LimitReview.Status.REFUSED);
        assertThat(refused.getSecondComment()).isEqualTo("Guarantee not signed");
        engine.awaitCompleted(refused.getProcessInstanceKey(), "EndEvent_LimitKept");
        assertThat(customers.get(customer.getId()).getCreditLimit()).isEqualByComparingTo("10000");
    }

    @Test
    void oneOpenReviewPerCustomerASecondRequestIs409AndAnAlertJoins() {
        Customer customer = scenario.customer("10000");
        long reviewId = requestThroughTheApi("sales", customer, 14000);

        Api.Response second = api.post(
                "sales",
                "/api/customers/" + customer.getId() + "/limit-requests",
                Map.of("amount", 16000, "currency", "EUR", "reason", "Again"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.body().path("detail").asText()).contains("limit review " + reviewId);

        LimitReview joined = reviews.startForAlert(customer.getId(), "utilisation at 80 %");
        assertThat(joined.getId()).isEqualTo(reviewId);
        assertThat(reviews.forCustomer(customer.getId())).hasSize(1);
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc("limit-review", String.valueOf(reviewId)))
                .anySatisfy(record -> assertThat(record.getAction()).isEqualTo("LIMIT_REVIEW_ALERT_JOINED"));
    }

    @Test
    void anAlertStartsAReviewWithoutARequestedLimit() {
        Customer customer = scenario.customer("NET30", "10000", RiskClass.C);
        LimitReview review = reviews.startForAlert(customer.getId(), "risk class dropped from B to C");
        assertThat(review.getTrigger()).isEqualTo(LimitReview.Trigger.ALERT);
        HumanTask task = awaitDecisionTask(review.getId());
        // an alert on a class C customer proposes a quarter less, not below what is in use (nothing here)
        assertThat(reviews.get(review.getId()).getRecommendedLimit()).isEqualByComparingTo("7500");
        assertThat(reviews.get(review.getId()).getRequestedBy()).isEqualTo("credit-alert");
        inbox.complete(task.getJobKey(), Map.of("limitDecision", "ACCEPT", "limitComment", "Agreed"), ANALYST);
        awaitStatus(review.getId(), LimitReview.Status.APPLIED);
        assertThat(customers.get(customer.getId()).getCreditLimit()).isEqualByComparingTo("7500");
    }

    @Test
    void anAlertRaisedByScoringStartsAReviewOnceTheAlertCommitted() {
        Customer customer = scenario.customer("NET30", "1000.00", RiskClass.B);
        scenario.invoiceFor(customer, "900.00");

        CreditScoring.Outcome scored = scoring.recompute(customer.getId(), ScoreTrigger.manual("analyst"));

        assertThat(scored.alerts()).singleElement().satisfies(alert -> assertThat(alert.getKind())
                .isEqualTo(CreditAlert.Kind.UTILISATION_80));
        long alertId = scored.alerts().getFirst().getId();
        // the alert's listener runs after the score's commit, on this thread: the review is there when scoring returns
        assertThat(reviews.forCustomer(customer.getId())).singleElement().satisfies(review -> {
            assertThat(review.getTrigger()).isEqualTo(LimitReview.Trigger.ALERT);
            assertThat(review.getRequestedBy()).isEqualTo("credit-alert");
            assertThat(review.getReason()).startsWith("credit alert " + alertId + ": utilisation passed 80 %");
        });
        LimitReview review = reviews.forCustomer(customer.getId()).getFirst();
        awaitDecisionTask(review.getId());
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc("limit-review", String.valueOf(review.getId())))
                .anySatisfy(record -> assertThat(record.getAction()).isEqualTo("LIMIT_REVIEW_ALERT"));
    }

    @Test
    void anOrderHeldInCreditReviewIsReleasedWhenTheLimitRises() {
        Customer customer = scenario.customer("10000");
        SalesOrder order = scenario.order(customer, "12000.00");
        scenario.awaitReview(order);

        long reviewId = requestThroughTheApi("sales", customer, 15000);
        HumanTask task = awaitDecisionTask(reviewId);
        inbox.complete(
                task.getJobKey(), Map.of("limitDecision", "ACCEPT", "limitComment", "Covers the order"), ANALYST);
        awaitStatus(reviewId, LimitReview.Status.APPLIED);

        // CreditRecheck: the order's review is withdrawn and the policy approves it on the new limit
        SalesOrder approved = scenario.awaitStatus(order, OrderStatus.APPROVED);
        assertThat(approved.getReservedAmount()).isEqualByComparingTo("12000.00");
    }

    @Test
    void theQuarterlyReviewOfARiskClassCCustomerFiresWhenTheClockPassesIt() {
        Customer quarterly = scenario.customer("NET30", "5000", RiskClass.C);
        Customer yearly = scenario.customer("NET30", "5000", RiskClass.A);
        assertThat(reviews.forCustomer(quarterly.getId())).isEmpty();

        scenario.advance(Duration.ofDays(93));

        LimitReview periodic = await().atMost(Scenario.PATIENCE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> reviews.openReviewOf(quarterly.getId()).orElse(null), r -> r != null);
        assertThat(periodic.getTrigger()).isEqualTo(LimitReview.Trigger.PERIODIC);
        assertThat(periodic.getRequestedBy()).isEqualTo("limit-review-schedule");
        assertThat(periodic.getReason()).contains("P3M");
        HumanTask task = awaitDecisionTask(periodic.getId());
        // a yearly (A) customer is not due after a quarter
        assertThat(reviews.forCustomer(yearly.getId())).isEmpty();

        // a second sweep while it is open starts nothing more
        reviews.startDue();
        assertThat(reviews.forCustomer(quarterly.getId())).hasSize(1);

        inbox.complete(task.getJobKey(), Map.of("limitDecision", "REFUSE", "limitComment", "Keep as is"), ANALYST);
        awaitStatus(periodic.getId(), LimitReview.Status.REFUSED);
        // the next one counts from this review: not due again today
        reviews.startDue();
        assertThat(reviews.forCustomer(quarterly.getId())).hasSize(1);
    }

    @Autowired
    LimitReviewRepository repository;

    @Autowired
    dev.o2c.platform.engine.ProcessCommands processes;

    @Autowired
    dev.o2c.support.DuplicateStarts duplicates;

    @Autowired
    java.time.Clock clock;

    @Test
    void theSweepStartsTheProcessOfAReviewWhoseStartWasLost() {
        Customer customer = scenario.customer("10000");
        // as if the application had stopped after saving the review and before starting its process
        LimitReview orphan = repository.saveAndFlush(new LimitReview(
                customer.getId(),
                LimitReview.Trigger.REQUEST,
                "EUR",
                new java.math.BigDecimal("12000"),
                "sales",
                "lost start",
                clock.instant().minus(Duration.ofHours(2))));
        assertThat(api.post(
                                "sales",
                                "/api/customers/" + customer.getId() + "/limit-requests",
                                Map.of("amount", 13000, "currency", "EUR", "reason", "again"))
                        .status())
                .isEqualTo(409);

        reviews.startDue();

        HumanTask task = awaitDecisionTask(orphan.getId());
        assertThat(task.getBusinessKey()).isEqualTo("LIMIT-REVIEW-" + orphan.getId());
        // a second sweep does not start it again
        Long key = reviews.get(orphan.getId()).getProcessInstanceKey();
        reviews.startDue();
        assertThat(reviews.get(orphan.getId()).getProcessInstanceKey()).isEqualTo(key);
    }

    @Test
    void aSecondStartOfAReviewsProcessEndsBeforeItsFactsAreGathered() {
        Customer customer = scenario.customer("10000");
        Api.Response requested = api.post(
                "sales",
                "/api/customers/" + customer.getId() + "/limit-requests",
                Map.of("amount", 15000, "currency", "EUR", "reason", "season"));
        assertThat(requested.status()).as(requested.body().toString()).isEqualTo(201);
        long reviewId = requested.body().path("id").asLong();
        awaitDecisionTask(reviewId);
        long recorded = reviews.get(reviewId).getProcessInstanceKey();

        // the sweep's start of a review whose first start got through after all
        processes.start(LimitReviews.PROCESS, Map.of("reviewId", reviewId));

        duplicates.assertOnlyRecordedGoesOn(
                LimitReviews.PROCESS, "reviewId", reviewId, recorded, "Task_GatherLimitFacts", 1);
        assertThat(reviews.get(reviewId).getProcessInstanceKey()).isEqualTo(recorded);
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndWriteNothing() {
        Customer customer = scenario.customer("10000");
        String path = "/api/customers/" + customer.getId() + "/limit-requests";
        Integer before = jdbc.queryForObject("select count(*) from credit_limit_review", Integer.class);

        assertThat(api.post(
                                "sales",
                                "/api/customers/987654321/limit-requests",
                                Map.of("amount", 20000, "currency", "EUR", "reason", "x"))
                        .status())
                .isEqualTo(404);
        record Bad(Object amount, String currency, String field) {}
        for (Bad bad : List.of(
                new Bad(0, "EUR", "amount"),
                new Bad(-5, "EUR", "amount"),
                new Bad(new java.math.BigDecimal("20000.001"), "EUR", "amount"),
                new Bad(new java.math.BigDecimal("10000000.01"), "EUR", "amount"),
                new Bad(10000, "EUR", "amount"),
                new Bad(20000, "USD", "currency"))) {
            Api.Response response =
                    api.post("sales", path, Map.of("amount", bad.amount(), "currency", bad.currency(), "reason", "r"));
            assertThat(response.status())
                    .as(bad.toString() + " " + response.body())
                    .isEqualTo(400);
            assertThat(response.field()).as(bad.toString()).isEqualTo(bad.field());
        }
        Api.Response noReason = api.post("sales", path, Map.of("amount", 20000, "currency", "EUR", "reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.field()).isEqualTo("reason");
        assertThat(api.post("collector", path, Map.of("amount", 20000, "currency", "EUR", "reason", "r"))
                        .status())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from credit_limit_review", Integer.class))
                .isEqualTo(before);
    }
}
