package dev.o2c.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.orders.OrderService;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.payments.Payment;
import dev.o2c.payments.PaymentService;
import dev.o2c.platform.audit.AuditRepository;
import dev.o2c.platform.errors.InvalidValueException;
import dev.o2c.platform.errors.NotPermittedException;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.ProcesslessOrders;
import dev.o2c.support.Scenario;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The review's new job types, called the way Zeebe may call them: twice (at-least-once delivery). Orders are placed
 * without a process so only the worker acts on them.
 */
@IntegrationTest
class CreditReviewWorkersTest {

    @Autowired
    Scenario scenario;

    @Autowired
    OrderService orders;

    @Autowired
    CustomerService customers;

    @Autowired
    CreditReviews reviews;

    @Autowired
    PaymentService payments;

    @Autowired
    AuditRepository audit;

    @Autowired
    LedgerInvariants ledger;

    @Autowired
    RaiseCreditLimitWorker raiseCreditLimit;

    @Autowired
    RecordSecondApprovalWorker recordSecondApproval;

    @Autowired
    RequestPrepaymentWorker requestPrepayment;

    @Autowired
    ProcesslessOrders processless;

    @AfterEach
    void ledgerStillHolds() {
        processless.rejectLeftOver();
        ledger.assertHold();
    }

    @Test
    void raiseCreditLimitTwiceRaisesItOnce() {
        Customer customer = scenario.customer("1000");
        SalesOrder order = place(customer, "3000.00");
        CreditApproval approval = reviews.recordReview(
                        order.getId(),
                        new ReviewChoice(
                                ReviewChoice.Outcome.APPROVE_RAISE_LIMIT, new BigDecimal("5000"), null, "grown"),
                        "analyst",
                        "t-" + order.getId())
                .orElseThrow();

        assertThat((BigDecimal) raiseCreditLimit.raise(approval.getId()).get("creditLimit"))
                .isEqualByComparingTo("5000");
        customers.changeCreditLimit(customer.getId(), new BigDecimal("7000"), "manager", "changed in between");
        raiseCreditLimit.raise(approval.getId());

        // the repeated job does not put back the older figure
        assertThat(customers.get(customer.getId()).getCreditLimit()).isEqualByComparingTo("7000");
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "customer", customer.getId().toString()))
                .filteredOn(record -> record.getAction().equals("CREDIT_LIMIT_CHANGED"))
                .hasSize(2);
    }

    @Test
    void recordSecondApprovalTwiceAnswersTheSameAndAuditsOnce() {
        Customer customer = scenario.customer("10000");
        SalesOrder order = place(customer, "150000.00");
        CreditApproval approval = reviews.recordReview(
                        order.getId(), ReviewChoice.approve("contract"), "manager", "t-" + order.getId())
                .orElseThrow();
        assertThat(approval.isSecondApproverRequired()).isTrue();
        assertThat(approval.getStatus()).isEqualTo(CreditApproval.Status.AWAITING_SECOND_APPROVAL);
        assertThatThrownBy(() -> recordSecondApproval.record(approval.getId(), "CONFIRM", "me again", "manager"))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("four eyes");

        Map<String, Object> first = recordSecondApproval.record(approval.getId(), "CONFIRM", "agreed", "manager2");
        Map<String, Object> again =
                recordSecondApproval.record(approval.getId(), "REFUSE", "changed my mind", "manager3");

        assertThat(first).containsEntry("secondApprovalConfirmed", true);
        assertThat(again).isEqualTo(first);
        assertThat(reviews.find(approval.getId()).orElseThrow().getSecondApprovedBy())
                .isEqualTo("manager2");
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "order", order.getId().toString()))
                .filteredOn(record -> record.getAction().startsWith("CREDIT_APPROVAL_CONFIRMED"))
                .hasSize(1);
    }

    @Test
    void requestPrepaymentTwiceWaitsOnceAndCountsAPaymentAlreadyPosted() {
        Customer customer = scenario.customer("10000");
        SalesOrder order = place(customer, "25000.00");
        orders.moveToReview(order.getId(), "credit-policy", "over the available credit");
        CreditApproval approval = reviews.recordReview(
                        order.getId(),
                        new ReviewChoice(
                                ReviewChoice.Outcome.PREPAYMENT, null, new BigDecimal("15000"), "half up front"),
                        "manager",
                        "t-" + order.getId())
                .orElseThrow();
        // the customer pays before the process gets to the wait
        Payment paid = payments.post(
                new PaymentService.NewPayment(
                        customer.getId(),
                        new BigDecimal("15000.00"),
                        "EUR",
                        "prepayment",
                        LocalDate.now(),
                        null,
                        List.of()),
                "clerk");

        requestPrepayment.request(approval.getId());
        requestPrepayment.request(approval.getId());

        assertThat(orders.get(order.getId()).getStatus()).isEqualTo(OrderStatus.AWAITING_PREPAYMENT);
        assertThat(reviews.find(approval.getId()).orElseThrow().getPrepaymentPaymentId())
                .isEqualTo(paid.getId());
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "order", order.getId().toString()))
                .extracting(record -> record.getAction())
                .containsOnlyOnce("ORDER_AWAITING_PREPAYMENT", "PREPAYMENT_RECEIVED");
    }

    @Test
    void aReviewChoiceRefusesAmountsThatAreNotPositiveNumbersNamingTheField() {
        Customer customer = scenario.customer("10000");
        SalesOrder order = place(customer, "12000.00");
        assertThatThrownBy(() -> ReviewChoice.fromForm(
                        Map.of("reviewOutcome", "PREPAYMENT", "prepaymentAmount", "lots", "reviewComment", "x")))
                .isInstanceOf(InvalidValueException.class)
                .extracting("field")
                .isEqualTo("prepaymentAmount");
        assertThatThrownBy(() -> ReviewChoice.fromForm(
                        Map.of("reviewOutcome", "APPROVE_RAISE_LIMIT", "newCreditLimit", -5, "reviewComment", "x")))
                .isInstanceOf(InvalidValueException.class)
                .extracting("field")
                .isEqualTo("newCreditLimit");
        assertThatThrownBy(() -> ReviewChoice.fromForm(Map.of("reviewOutcome", "MAYBE", "reviewComment", "x")))
                .isInstanceOf(InvalidValueException.class)
                .extracting("field")
                .isEqualTo("reviewOutcome");
        assertThat(reviews.forOrder(order.getId())).isEmpty();
    }

    private SalesOrder place(Customer customer, String amount) {
        return processless.place(customer.getId(), "Goods", amount);
    }
}
