package dev.o2c.processtest;

import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static io.camunda.process.test.api.assertions.ProcessInstanceSelectors.byParentProcessInstanceKey;
import static org.awaitility.Awaitility.await;

import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import dev.o2c.customers.RiskClass;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.orders.ShipmentConfirmation;
import dev.o2c.payments.PaymentService;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskInbox;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * invoice-collection on CPT: payment ends it; the check-date timer, moved by increaseTime, sends reminders up to the
 * final notice and then escalates to the collectors' follow-up task, where a promise to pay is recorded.
 */
class InvoiceCollectionProcessIT extends ProcessTestBase {

    @Autowired
    ShipmentConfirmation shipments;

    @Autowired
    PaymentService payments;

    @Autowired
    TaskInbox inbox;

    static final CurrentUser COLLECTOR = new CurrentUser("collector", Set.of(Groups.COLLECTORS));

    @Test
    void aReminderAfterTheDueDateThenPaymentEndsCollection() {
        Customer customer = customer("10000", RiskClass.B);
        SalesOrder order = awaitStatus(order(customer, "300.00"), OrderStatus.APPROVED);
        shipments.confirm(order.getId(), "sales");
        Invoice invoice = awaitInvoice(order);
        assertThatProcessInstance(byParentProcessInstanceKey(order.getProcessInstanceKey()))
                .isWaitingForMessage("payment-received");

        timeTravel.advance(Duration.ofDays(31));

        await().atMost(PATIENCE).until(() -> invoice(invoice.getId()).getDunningLevel() >= 1);
        assertThatProcessInstance(byParentProcessInstanceKey(order.getProcessInstanceKey()))
                .hasCompletedElements(
                        "Event_CheckDateReached",
                        "Task_AssessOverdueInvoice",
                        "Task_DetermineDunningLevel",
                        "Task_SendPaymentReminder");

        payments.post(
                new PaymentService.NewPayment(
                        customer.getId(),
                        invoice.getOpenAmount(),
                        "EUR",
                        invoice.getNumber(),
                        LocalDate.now(engineTime),
                        null,
                        List.of()),
                "clerk");

        assertThatProcessInstance(byParentProcessInstanceKey(order.getProcessInstanceKey()))
                .hasCompletedElements("Event_PaymentReceived", "EndEvent_InvoicePaid")
                .isCompleted();
        awaitStatus(order, OrderStatus.COMPLETED);
    }

    @Test
    void pastTheFinalNoticeACollectorTakesOverAndRecordsAPromiseToPay() {
        Customer customer = customer("20000", RiskClass.B);
        SalesOrder order = awaitStatus(order(customer, "1000.00"), OrderStatus.APPROVED);
        shipments.confirm(order.getId(), "sales");
        Invoice invoice = awaitInvoice(order);
        assertThatProcessInstance(byParentProcessInstanceKey(order.getProcessInstanceKey()))
                .isWaitingForMessage("payment-received");

        // the dunning policy's steps as in the default suite: reminder, second reminder, final notice, 14 days apart
        int[] days = {31, 14, 14};
        for (int level = 1; level <= days.length; level++) {
            int expected = level;
            timeTravel.advance(Duration.ofDays(days[level - 1]));
            await().atMost(PATIENCE).until(() -> invoice(invoice.getId()).getDunningLevel() >= expected);
        }
        timeTravel.advance(Duration.ofDays(14));
        HumanTask followUp = await().atMost(PATIENCE)
                .until(
                        () -> tasks.findByStatusOrderByCreatedAtAsc(HumanTask.Status.OPEN).stream()
                                .filter(task -> "Task_CollectionsFollowUp".equals(task.getElementId())
                                        && invoice.getNumber().equals(task.getBusinessKey()))
                                .findFirst()
                                .orElse(null),
                        task -> task != null);

        LocalDate promised = LocalDate.now(engineTime).plusDays(10);
        inbox.complete(
                followUp.getJobKey(),
                Map.of(
                        "followUpOutcome",
                        "PROMISE_TO_PAY",
                        "promisedDate",
                        promised.toString(),
                        "followUpNote",
                        "CFO promised payment"),
                COLLECTOR);

        assertThatProcessInstance(byParentProcessInstanceKey(order.getProcessInstanceKey()))
                .hasCompletedElements("Task_CollectionsFollowUp", "Task_RecordPromiseToPay")
                .isWaitingForMessage("payment-received");
        await().atMost(PATIENCE)
                .until(() -> promised.equals(invoice(invoice.getId()).getPromisedDate()));

        payments.post(
                new PaymentService.NewPayment(
                        customer.getId(),
                        invoice(invoice.getId()).getOpenAmount(),
                        "EUR",
                        invoice.getNumber(),
                        LocalDate.now(engineTime),
                        null,
                        List.of()),
                "clerk");
        awaitStatus(order, OrderStatus.COMPLETED);
        assertThatProcessInstance(byParentProcessInstanceKey(order.getProcessInstanceKey()))
                .isCompleted();
    }
}
