package dev.o2c.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o2c.credit.CreditDecision;
import dev.o2c.credit.CreditDecisions;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.RiskClass;
import dev.o2c.platform.audit.AuditRepository;
import dev.o2c.platform.errors.NotPermittedException;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import dev.o2c.support.EngineRecords;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.HumanTaskRepository;
import dev.o2c.tasks.TaskInbox;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of order-to-cash before shipment: policy outcomes, reviews, SLA escalation, limit races. */
@IntegrationTest
class CreditReviewPathsTest {

    static final CurrentUser ANALYST = new CurrentUser("analyst", Set.of(Groups.CREDIT_ANALYSTS));
    static final CurrentUser MANAGER = new CurrentUser("manager", Set.of(Groups.CREDIT_MANAGERS));

    @Autowired
    Scenario scenario;

    @Autowired
    EngineRecords engine;

    @Autowired
    TaskInbox inbox;

    @Autowired
    HumanTaskRepository tasks;

    @Autowired
    CreditDecisions decisions;

    @Autowired
    CustomerService customers;

    @Autowired
    AuditRepository audit;

    @Test
    void riskyOrderGoesToAnAnalystWhoApprovesIt() {
        Customer customer = scenario.customer("NET30", "50000", RiskClass.C);
        SalesOrder order = scenario.order(customer, "12000.00");
        HumanTask review = scenario.awaitReview(order);
        assertThat(review.candidateGroups()).containsExactly(Groups.CREDIT_ANALYSTS);
        assertThat(review.getFormId()).isEqualTo("credit-review");
        assertThat(inbox.variablesOf(review))
                .containsEntry("reviewReason", "High-risk customer with an order over 10,000");

        inbox.complete(
                review.getJobKey(),
                Map.of("reviewOutcome", "APPROVE", "reviewComment", "Long-standing customer"),
                ANALYST);

        SalesOrder approved = scenario.awaitStatus(order, OrderStatus.APPROVED);
        assertThat(approved.getReservedAmount()).isEqualByComparingTo("12000.00");
        assertThat(decisions.forOrder(order.getId()))
                .extracting(CreditDecision::getOutcome, CreditDecision::getDecidedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CreditDecision.Outcome.REVIEW, "credit-policy"),
                        org.assertj.core.groups.Tuple.tuple(CreditDecision.Outcome.APPROVE, "analyst"));
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "order", order.getId().toString()))
                .extracting(record -> record.getAction())
                .contains(
                        "ORDER_PLACED",
                        "CREDIT_DECISION_REVIEW",
                        "ORDER_IN_CREDIT_REVIEW",
                        "CREDIT_DECISION_APPROVE",
                        "CREDIT_RESERVED");
    }

    @Test
    void analystRejectsAndTheOrderEndsRejected() {
        Customer customer = scenario.customer("NET30", "50000", RiskClass.C);
        SalesOrder order = scenario.order(customer, "15000.00");
        HumanTask review = scenario.awaitReview(order);

        inbox.complete(
                review.getJobKey(),
                Map.of("reviewOutcome", "REJECT", "reviewComment", "Too many open disputes"),
                ANALYST);

        SalesOrder rejected = scenario.awaitStatus(order, OrderStatus.REJECTED);
        assertThat(rejected.getReservedAmount()).isZero();
        engine.awaitCompleted(order.getProcessInstanceKey(), "EndEvent_OrderRejected");
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "order", order.getId().toString()))
                .anySatisfy(record -> {
                    assertThat(record.getAction()).isEqualTo("ORDER_REJECTED");
                    assertThat(record.getActor()).isEqualTo("analyst");
                    assertThat(record.getReason()).isEqualTo("Too many open disputes");
                });
    }

    @Test
    void policyRejectsRiskClassD() {
        Customer customer = scenario.customer("NET30", "50000", RiskClass.D);
        SalesOrder order = scenario.awaitStatus(scenario.order(customer, "100.00"), OrderStatus.REJECTED);
        assertThat(decisions.forOrder(order.getId())).singleElement().satisfies(decision -> {
            assertThat(decision.getOutcome()).isEqualTo(CreditDecision.Outcome.REJECT);
            assertThat(decision.getReason()).contains("prepayment");
            assertThat(decision.getInputs()).contains("\"riskClass\":\"D\"");
        });
        engine.awaitCompleted(order.getProcessInstanceKey(), "EndEvent_OrderRejected");
    }

    @Test
    void largeOrdersNeedACreditManager() {
        Customer customer = scenario.customer("NET30", "200000", RiskClass.A);
        SalesOrder order = scenario.order(customer, "60000.00");
        HumanTask review = scenario.awaitReview(order);
        assertThat(review.candidateGroups()).containsExactly(Groups.CREDIT_MANAGERS);
        assertThatThrownBy(() -> inbox.complete(
                        review.getJobKey(), Map.of("reviewOutcome", "APPROVE", "reviewComment", "fine"), ANALYST))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("credit-managers");

        inbox.complete(
                review.getJobKey(), Map.of("reviewOutcome", "APPROVE", "reviewComment", "Framework contract"), MANAGER);
        scenario.awaitStatus(order, OrderStatus.APPROVED);
    }

    @Test
    void customerOnCreditHoldNeedsAManager() {
        Customer customer = scenario.customer("10000");
        customers.placeOnCreditHold(customer.getId(), "collector", "broken promise");
        SalesOrder order = scenario.order(customer, "100.00");
        HumanTask review = scenario.awaitReview(order);
        assertThat(review.candidateGroups()).containsExactly(Groups.CREDIT_MANAGERS);
        assertThat(inbox.variablesOf(review)).containsEntry("reviewReason", "Customer is on credit hold");
    }

    @Test
    void untouchedReviewEscalatesToCreditManagersAfterItsSla() {
        Customer customer = scenario.customer("NET30", "50000", RiskClass.C);
        SalesOrder order = scenario.order(customer, "11000.00");
        HumanTask analystTask = scenario.awaitReview(order);
        // the inbox shows the review as due when its SLA (P1D here) passes, the moment it escalates
        engine.assertDueAfterCreation(analystTask, Duration.ofDays(1));

        scenario.advance(Duration.ofHours(25));

        HumanTask escalated = scenario.awaitOpenTask(order.getProcessInstanceKey(), "Task_ReviewCreditEscalated");
        assertThat(escalated.candidateGroups()).containsExactly(Groups.CREDIT_MANAGERS);
        engine.assertDueAfterCreation(escalated, Duration.ofDays(1)); // the model's P1D for the manager
        assertThat(tasks.findById(analystTask.getJobKey()).orElseThrow().getStatus())
                .isEqualTo(HumanTask.Status.ESCALATED);
        engine.awaitCompleted(order.getProcessInstanceKey(), "Task_EscalateCreditReview");

        inbox.complete(
                escalated.getJobKey(),
                Map.of("reviewOutcome", "APPROVE", "reviewComment", "Checked references"),
                MANAGER);
        scenario.awaitStatus(order, OrderStatus.APPROVED);
    }

    @Test
    void anAnalystsApprovalBeyondTheLimitIsAnAuthorisedOverrideThatReserves() {
        Customer customer = scenario.customer("1000");
        SalesOrder order = scenario.order(customer, "3000.00");
        HumanTask review = scenario.awaitReview(order);
        assertThat(review.candidateGroups()).containsExactly(Groups.CREDIT_ANALYSTS);

        inbox.complete(
                review.getJobKey(), Map.of("reviewOutcome", "APPROVE", "reviewComment", "Good customer"), ANALYST);

        // the approval decides: no second round, the order reserves 2,000 beyond its limit on the analyst's authority
        assertThat(scenario.awaitStatus(order, OrderStatus.APPROVED).getReservedAmount())
                .isEqualByComparingTo("3000.00");
        assertThat(engine.completedElements(order.getProcessInstanceKey())).doesNotContain("Event_CreditLimitExceeded");
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "order", order.getId().toString()))
                .anySatisfy(record -> {
                    assertThat(record.getAction()).isEqualTo("CREDIT_LIMIT_OVERRIDE");
                    assertThat(record.getActor()).isEqualTo("analyst");
                    assertThat(record.getDetails()).contains("2000.00 over").contains(Groups.CREDIT_ANALYSTS);
                    assertThat(record.getReason()).isEqualTo("Good customer");
                });
    }

    @Test
    void whoeverPlacedTheOrderCannotApproveItsCredit() {
        Customer customer = scenario.customer("NET30", "50000", RiskClass.C);
        SalesOrder order = scenario.order(customer, "12000.00", "admin");
        HumanTask review = scenario.awaitReview(order);
        CurrentUser admin =
                new CurrentUser("admin", Set.of(Groups.SALES, Groups.CREDIT_ANALYSTS, Groups.CREDIT_MANAGERS));

        assertThatThrownBy(() -> inbox.complete(
                        review.getJobKey(), Map.of("reviewOutcome", "APPROVE", "reviewComment", "mine"), admin))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("four eyes");
        assertThat(tasks.findById(review.getJobKey()).orElseThrow().getStatus()).isEqualTo(HumanTask.Status.OPEN);

        inbox.complete(review.getJobKey(), Map.of("reviewOutcome", "APPROVE", "reviewComment", "Looks fine"), ANALYST);
        scenario.awaitStatus(order, OrderStatus.APPROVED);
    }
}
