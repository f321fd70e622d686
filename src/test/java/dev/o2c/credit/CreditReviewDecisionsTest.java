package dev.o2c.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.RiskClass;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.orders.OrderService;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.payments.PaymentService;
import dev.o2c.platform.audit.AuditRecord;
import dev.o2c.platform.audit.AuditRepository;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import dev.o2c.support.Api;
import dev.o2c.support.EngineRecords;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskInbox;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 8: a review decision decides. Every decision of the credit-review form on the embedded engine: an authorised
 * override, four eyes beyond 100,000 over the limit, approve and raise the limit, release on prepayment (paid, and
 * not paid in time), and a decision by someone without the authority.
 */
@IntegrationTest
class CreditReviewDecisionsTest {

    static final CurrentUser ANALYST = new CurrentUser("analyst", Set.of(Groups.CREDIT_ANALYSTS));
    static final CurrentUser MANAGER = new CurrentUser("manager", Set.of(Groups.CREDIT_MANAGERS));
    static final CurrentUser MANAGER2 = new CurrentUser("manager2", Set.of(Groups.CREDIT_MANAGERS));

    @Autowired
    Scenario scenario;

    @Autowired
    EngineRecords engine;

    @Autowired
    TaskInbox inbox;

    @Autowired
    OrderService orders;

    @Autowired
    CustomerService customers;

    @Autowired
    CreditReviews reviews;

    @Autowired
    CreditExposure exposure;

    @Autowired
    PaymentService payments;

    @Autowired
    AuditRepository audit;

    @Autowired
    LedgerInvariants ledger;

    @Autowired
    Api api;

    @AfterEach
    void ledgerStillHolds() {
        ledger.assertHold();
    }

    @Test
    void theOverLimitOrderEndsApprovedAfterOneAuthorisedApproval() {
        Customer customer = scenario.customer("10000");
        SalesOrder order = scenario.order(customer, "25000.00");
        HumanTask review = scenario.awaitReview(order);
        // 15,000 over the limit is beyond an analyst's authority: the review goes to those who may approve it
        assertThat(review.candidateGroups()).containsExactly(Groups.CREDIT_MANAGERS);
        assertThat(inbox.variablesOf(review).get("reviewReason").toString()).contains("available credit");

        inbox.complete(
                review.getJobKey(),
                Map.of("reviewOutcome", "APPROVE", "reviewComment", "Seasonal peak, long-standing customer"),
                MANAGER);

        SalesOrder approved = scenario.awaitStatus(order, OrderStatus.APPROVED);
        assertThat(approved.getReservedAmount()).isEqualByComparingTo("25000.00");
        assertThat(exposure.of(customer.getId())).isEqualByComparingTo("25000.00");
        assertThat(reviews.forOrder(order.getId())).singleElement().satisfies(approval -> {
            assertThat(approval.getStatus()).isEqualTo(CreditApproval.Status.USED);
            assertThat(approval.getApprovedBy()).isEqualTo("manager");
            assertThat(approval.getAuthorityGroup()).isEqualTo(Groups.CREDIT_MANAGERS);
            assertThat(approval.getAuthority()).contains("10,000");
            assertThat(approval.getReason()).isEqualTo("Seasonal peak, long-standing customer");
            assertThat(approval.getReservedOverLimit()).isEqualByComparingTo("15000.00");
            assertThat(approval.isSecondApproverRequired()).isFalse();
        });
        assertThat(orderAudit(order)).anySatisfy(record -> {
            assertThat(record.getAction()).isEqualTo("CREDIT_LIMIT_OVERRIDE");
            assertThat(record.getActor()).isEqualTo("manager");
            assertThat(record.getDetails()).contains("15000.00 over").contains("authority credit-managers");
            assertThat(record.getReason()).isEqualTo("Seasonal peak, long-standing customer");
        });
        Api.Response table = api.get("manager", "/api/orders/" + order.getId() + "/credit-approvals");
        assertThat(table.status()).isEqualTo(200);
        assertThat(table.body().get(0).path("approvedBy").asText()).isEqualTo("manager");
        assertThat(table.body().get(0).path("authorityGroup").asText()).isEqualTo(Groups.CREDIT_MANAGERS);
        assertThat(table.body().get(0).path("reservedOverLimit").decimalValue()).isEqualByComparingTo("15000");
        assertThat(api.get("collector", "/api/orders/" + order.getId() + "/credit-approvals")
                        .status())
                .isEqualTo(403);
        assertThat(engine.completedElements(order.getProcessInstanceKey()))
                .contains(
                        "Task_ReviewCredit", "Task_RecordCreditReview", "Gateway_SecondApprover", "Task_ReserveCredit")
                .doesNotContain("Event_CreditLimitExceeded", "Task_SecondApproval");
    }

    @Test
    void aDecisionWithoutTheAuthorityIsA403NamingTheGroup() {
        Customer customer = scenario.customer("10000");
        SalesOrder order = scenario.order(customer, "12000.00");
        HumanTask review = scenario.awaitReview(order);
        assertThat(review.candidateGroups()).containsExactly(Groups.CREDIT_ANALYSTS);

        // raising the limit by 20,000 is a manager's decision, even though an analyst may approve the 2,000 override
        Api.Response refused = api.post(
                "analyst",
                "/api/tasks/" + review.getJobKey() + "/complete",
                Map.of(
                        "variables",
                        Map.of(
                                "reviewOutcome",
                                "APPROVE_RAISE_LIMIT",
                                "newCreditLimit",
                                30000,
                                "reviewComment",
                                "Grows fast")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().path("detail").asText()).contains(Groups.CREDIT_MANAGERS);
        Api.Response tooLow = api.post(
                "analyst",
                "/api/tasks/" + review.getJobKey() + "/complete",
                Map.of(
                        "variables",
                        Map.of(
                                "reviewOutcome",
                                "APPROVE_RAISE_LIMIT",
                                "newCreditLimit",
                                11000,
                                "reviewComment",
                                "Grows fast")));
        assertThat(tooLow.status()).isEqualTo(400);
        assertThat(tooLow.field()).isEqualTo("newCreditLimit");
        assertThat(orders.get(order.getId()).getStatus()).isEqualTo(OrderStatus.CREDIT_REVIEW);
        assertThat(reviews.forOrder(order.getId())).isEmpty();

        Api.Response approved = api.post(
                "analyst",
                "/api/tasks/" + review.getJobKey() + "/complete",
                Map.of("variables", Map.of("reviewOutcome", "APPROVE", "reviewComment", "Within my authority")));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(scenario.awaitStatus(order, OrderStatus.APPROVED).getReservedAmount())
                .isEqualByComparingTo("12000.00");
    }

    @Test
    void moreThan100000OverTheLimitNeedsTwoDifferentManagersNeitherTheOrdersCreator() {
        Customer customer = scenario.customer("10000");
        SalesOrder order = scenario.order(customer, "150000.00", "boss");
        HumanTask review = scenario.awaitReview(order);
        CurrentUser boss = new CurrentUser("boss", Set.of(Groups.SALES, Groups.CREDIT_MANAGERS));
        assertThatThrownBy(() -> inbox.complete(
                        review.getJobKey(), Map.of("reviewOutcome", "APPROVE", "reviewComment", "my own order"), boss))
                .isInstanceOf(RuntimeException.class)
                .hasMessageContaining("four eyes");

        inbox.complete(
                review.getJobKey(), Map.of("reviewOutcome", "APPROVE", "reviewComment", "Framework contract"), MANAGER);

        HumanTask second = scenario.awaitOpenTask(order.getProcessInstanceKey(), "Task_SecondApproval");
        assertThat(second.candidateGroups()).containsExactly(Groups.CREDIT_MANAGERS);
        assertThat(second.getFormId()).isEqualTo("credit-second-approval");
        engine.assertDueAfterCreation(second, Duration.ofDays(1)); // the model's P1D for the second approver
        assertThat(inbox.variablesOf(second)).containsEntry("firstApprover", "manager");
        assertThat(orders.get(order.getId()).getStatus()).isEqualTo(OrderStatus.CREDIT_REVIEW);
        Map<String, Object> confirm = Map.of("secondApproval", "CONFIRM", "secondApprovalComment", "Agreed");
        assertThatThrownBy(() -> inbox.complete(second.getJobKey(), confirm, MANAGER))
                .isInstanceOf(RuntimeException.class)
                .hasMessageContaining("four eyes")
                .hasMessageContaining("first approval");
        assertThatThrownBy(() -> inbox.complete(second.getJobKey(), confirm, boss))
                .isInstanceOf(RuntimeException.class)
                .hasMessageContaining("four eyes");
        // refused by the inbox (not a candidate) or the authority guard, whichever asks first: either names the group
        assertThatThrownBy(() -> inbox.complete(second.getJobKey(), confirm, ANALYST))
                .isInstanceOf(RuntimeException.class)
                .hasMessageContaining(Groups.CREDIT_MANAGERS);

        inbox.complete(second.getJobKey(), confirm, MANAGER2);

        assertThat(scenario.awaitStatus(order, OrderStatus.APPROVED).getReservedAmount())
                .isEqualByComparingTo("150000.00");
        assertThat(reviews.forOrder(order.getId())).singleElement().satisfies(approval -> {
            assertThat(approval.isSecondApproverRequired()).isTrue();
            assertThat(approval.getSecondApprovedBy()).isEqualTo("manager2");
            assertThat(approval.getReservedOverLimit()).isEqualByComparingTo("140000.00");
        });
        assertThat(orderAudit(order))
                .extracting(AuditRecord::getAction)
                .contains("CREDIT_APPROVAL_APPROVE", "CREDIT_APPROVAL_CONFIRMED", "CREDIT_LIMIT_OVERRIDE");
        assertThat(orderAudit(order))
                .filteredOn(record -> record.getAction().equals("CREDIT_LIMIT_OVERRIDE"))
                .singleElement()
                .satisfies(record -> assertThat(record.getActor()).isEqualTo("manager and manager2"));
    }

    @Test
    void aRefusedSecondApprovalRejectsTheOrder() {
        Customer customer = scenario.customer("10000");
        SalesOrder order = scenario.order(customer, "120000.00");
        HumanTask review = scenario.awaitReview(order);
        inbox.complete(review.getJobKey(), Map.of("reviewOutcome", "APPROVE", "reviewComment", "Strategic"), MANAGER);
        HumanTask second = scenario.awaitOpenTask(order.getProcessInstanceKey(), "Task_SecondApproval");

        inbox.complete(
                second.getJobKey(),
                Map.of("secondApproval", "REFUSE", "secondApprovalComment", "Too concentrated a risk"),
                MANAGER2);

        SalesOrder rejected = scenario.awaitStatus(order, OrderStatus.REJECTED);
        assertThat(rejected.getReservedAmount()).isZero();
        engine.awaitCompleted(order.getProcessInstanceKey(), "EndEvent_OrderRejected");
        assertThat(reviews.forOrder(order.getId()))
                .singleElement()
                .satisfies(approval -> assertThat(approval.getStatus()).isEqualTo(CreditApproval.Status.REFUSED));
        assertThat(orderAudit(order)).anySatisfy(record -> {
            assertThat(record.getAction()).isEqualTo("ORDER_REJECTED");
            assertThat(record.getActor()).isEqualTo("manager2");
            assertThat(record.getReason()).contains("Too concentrated a risk");
        });
    }

    @Test
    void approveAndRaiseTheLimitChangesTheCustomersLimitForGood() {
        Customer customer = scenario.customer("10000");
        SalesOrder order = scenario.order(customer, "15000.00");
        HumanTask review = scenario.awaitReview(order);

        inbox.complete(
                review.getJobKey(),
                Map.of(
                        "reviewOutcome",
                        "APPROVE_RAISE_LIMIT",
                        "newCreditLimit",
                        18000,
                        "reviewComment",
                        "Annual review done early"),
                ANALYST);

        assertThat(scenario.awaitStatus(order, OrderStatus.APPROVED).getReservedAmount())
                .isEqualByComparingTo("15000.00");
        assertThat(customers.get(customer.getId()).getCreditLimit()).isEqualByComparingTo("18000.00");
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "customer", customer.getId().toString()))
                .filteredOn(record -> record.getAction().equals("CREDIT_LIMIT_CHANGED"))
                .singleElement()
                .satisfies(record -> {
                    assertThat(record.getActor()).isEqualTo("analyst");
                    assertThat(record.getDetails()).isEqualTo("10000.00 -> 18000.00");
                    assertThat(record.getReason())
                            .contains("order " + order.getId())
                            .contains("Annual review done early");
                });
        assertThat(reviews.forOrder(order.getId())).singleElement().satisfies(approval -> {
            assertThat(approval.getDecision()).isEqualTo(CreditApproval.Decision.APPROVE_RAISE_LIMIT);
            assertThat(approval.getAmountOverLimit()).isEqualByComparingTo("8000.00");
            assertThat(approval.getReservedOverLimit()).isZero();
        });
        engine.awaitCompleted(order.getProcessInstanceKey(), "Task_RaiseCreditLimit");
        // the next order finds the raised limit: 3,000 fits into 18,000 - 15,000 without a review
        scenario.awaitStatus(scenario.order(customer, "3000.00"), OrderStatus.APPROVED);
    }

    @Test
    void releaseOnPrepaymentWaitsForThePaymentThenReserves() {
        Customer customer = scenario.customer("10000");
        SalesOrder order = scenario.order(customer, "25000.00");
        HumanTask review = scenario.awaitReview(order);

        inbox.complete(
                review.getJobKey(),
                Map.of(
                        "reviewOutcome",
                        "PREPAYMENT",
                        "prepaymentAmount",
                        15000,
                        "reviewComment",
                        "New customer, half up front"),
                MANAGER);
        scenario.awaitStatus(order, OrderStatus.AWAITING_PREPAYMENT);
        engine.awaitCompleted(order.getProcessInstanceKey(), "Task_RequestPrepayment");

        // a smaller payment is not the prepayment
        payments.post(
                new PaymentService.NewPayment(
                        customer.getId(),
                        new BigDecimal("5000.00"),
                        "EUR",
                        "advance",
                        LocalDate.now(),
                        null,
                        List.of()),
                "clerk");
        scenario.advance(Duration.ofDays(1));
        assertThat(orders.get(order.getId()).getStatus()).isEqualTo(OrderStatus.AWAITING_PREPAYMENT);

        payments.post(
                new PaymentService.NewPayment(
                        customer.getId(),
                        new BigDecimal("15000.00"),
                        "EUR",
                        "prepayment order " + order.getId(),
                        LocalDate.now(),
                        null,
                        List.of()),
                "clerk");

        SalesOrder approved = scenario.awaitStatus(order, OrderStatus.APPROVED);
        assertThat(approved.getReservedAmount()).isEqualByComparingTo("25000.00");
        engine.awaitCompleted(order.getProcessInstanceKey(), "Event_PrepaymentReceived");
        assertThat(reviews.forOrder(order.getId())).singleElement().satisfies(approval -> {
            assertThat(approval.getPrepaymentAmount()).isEqualByComparingTo("15000.00");
            assertThat(approval.getPrepaymentPaymentId()).isNotNull();
            assertThat(approval.getStatus()).isEqualTo(CreditApproval.Status.USED);
        });
        assertThat(orderAudit(order))
                .extracting(AuditRecord::getAction)
                .containsSubsequence("ORDER_AWAITING_PREPAYMENT", "PREPAYMENT_RECEIVED", "CREDIT_LIMIT_OVERRIDE");
    }

    @Test
    void anOrderWhosePrepaymentNeverComesIsRejectedWhenItsWaitIsOver() {
        Customer customer = scenario.customer("10000");
        SalesOrder order = scenario.order(customer, "12000.00");
        HumanTask review = scenario.awaitReview(order);
        inbox.complete(
                review.getJobKey(),
                Map.of(
                        "reviewOutcome",
                        "PREPAYMENT",
                        "prepaymentAmount",
                        2000,
                        "reviewComment",
                        "Only against a deposit"),
                ANALYST);
        scenario.awaitStatus(order, OrderStatus.AWAITING_PREPAYMENT);
        engine.awaitCompleted(order.getProcessInstanceKey(), "Task_RequestPrepayment");

        scenario.advance(Duration.ofDays(15));

        scenario.awaitStatus(order, OrderStatus.REJECTED);
        engine.awaitCompleted(order.getProcessInstanceKey(), "EndEvent_OrderRejected");
        assertThat(orderAudit(order)).anySatisfy(record -> {
            assertThat(record.getAction()).isEqualTo("ORDER_REJECTED");
            assertThat(record.getActor()).isEqualTo("system");
            assertThat(record.getReason()).isEqualTo("no prepayment of 2000 EUR received within P14D");
        });
    }

    @Test
    void anApprovalOvertakenByAnotherOrderLapsesAndTheReviewShowsWhy() {
        Customer customer = scenario.customer("10000");
        SalesOrder order = scenario.order(customer, "12000.00");
        HumanTask review = scenario.awaitReview(order);
        inbox.complete(
                review.getJobKey(),
                Map.of(
                        "reviewOutcome",
                        "PREPAYMENT",
                        "prepaymentAmount",
                        2000,
                        "reviewComment",
                        "Deposit covers the excess"),
                ANALYST);
        scenario.awaitStatus(order, OrderStatus.AWAITING_PREPAYMENT);
        engine.awaitCompleted(order.getProcessInstanceKey(), "Task_RequestPrepayment");
        // meanwhile another order takes 5,000 of the credit
        scenario.awaitStatus(scenario.order(customer, "5000.00"), OrderStatus.APPROVED);

        payments.post(
                new PaymentService.NewPayment(
                        customer.getId(),
                        new BigDecimal("2000.00"),
                        "EUR",
                        "deposit",
                        LocalDate.now(),
                        null,
                        List.of()),
                "clerk");

        engine.awaitCompleted(order.getProcessInstanceKey(), "Event_CreditLimitExceeded");
        HumanTask again = scenario.awaitOpenTask(order.getProcessInstanceKey(), "Task_ReviewCredit");
        assertThat(again.candidateGroups()).containsExactly(Groups.CREDIT_MANAGERS);
        assertThat(inbox.variablesOf(again).get("reviewReason").toString())
                .contains("Approved 2000.00 over the limit by analyst")
                .contains("now 7000.00 over");
        assertThat(orders.get(order.getId()).getStatus()).isEqualTo(OrderStatus.CREDIT_REVIEW);
        assertThat(reviews.forOrder(order.getId()))
                .singleElement()
                .satisfies(approval -> assertThat(approval.getStatus()).isEqualTo(CreditApproval.Status.LAPSED));

        inbox.complete(again.getJobKey(), Map.of("reviewOutcome", "APPROVE", "reviewComment", "Still fine"), MANAGER);
        assertThat(scenario.awaitStatus(order, OrderStatus.APPROVED).getReservedAmount())
                .isEqualByComparingTo("12000.00");
        assertThat(exposure.of(customer.getId())).isEqualByComparingTo("17000.00");
    }

    @Test
    void anUntouchedOverLimitReviewEscalatesAndOneManagerApprovalDecides() {
        Customer customer = scenario.customer("NET30", "10000", RiskClass.B);
        SalesOrder order = scenario.order(customer, "14000.00");
        scenario.awaitReview(order);

        scenario.advance(Duration.ofHours(25));

        HumanTask escalated = scenario.awaitOpenTask(order.getProcessInstanceKey(), "Task_ReviewCreditEscalated");
        inbox.complete(
                escalated.getJobKey(),
                Map.of("reviewOutcome", "APPROVE", "reviewComment", "Escalated, approved"),
                MANAGER);
        assertThat(scenario.awaitStatus(order, OrderStatus.APPROVED).getReservedAmount())
                .isEqualByComparingTo("14000.00");
        assertThat(reviews.forOrder(order.getId())).singleElement().satisfies(approval -> assertThat(
                        approval.getReservedOverLimit())
                .isEqualByComparingTo("4000.00"));
    }

    private List<AuditRecord> orderAudit(SalesOrder order) {
        return audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                "order", order.getId().toString());
    }
}
