package dev.o2c.processtest;

import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static io.camunda.process.test.api.assertions.ProcessInstanceSelectors.byKey;
import static io.camunda.process.test.api.assertions.ProcessInstanceSelectors.byParentProcessInstanceKey;

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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** order-to-cash on CPT: the credit paths, the shipment message, invoicing and the call of invoice-collection. */
class OrderToCashProcessIT extends ProcessTestBase {

    static final CurrentUser ANALYST = new CurrentUser("analyst", Set.of(Groups.CREDIT_ANALYSTS));

    @Autowired
    ShipmentConfirmation shipments;

    @Autowired
    PaymentService payments;

    @Autowired
    TaskInbox inbox;

    @Test
    void approvedShippedInvoicedPaidAndCompleted() {
        Customer customer = customer("10000", RiskClass.B);
        SalesOrder order = awaitStatus(order(customer, "500.00"), OrderStatus.APPROVED);
        assertThatProcessInstance(byKey(order.getProcessInstanceKey()))
                .hasCompletedElements("Task_CheckCredit", "Task_DecideCredit", "Task_ReserveCredit")
                .isWaitingForMessage(
                        ShipmentConfirmation.ORDER_SHIPPED, order.getId().toString());

        shipments.confirm(order.getId(), "sales");
        Invoice invoice = awaitInvoice(order);
        assertThatProcessInstance(byKey(order.getProcessInstanceKey())).hasActiveElements("Task_CollectPayment");
        assertThatProcessInstance(byParentProcessInstanceKey(order.getProcessInstanceKey()))
                .isActive();

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

        awaitStatus(order, OrderStatus.COMPLETED);
        assertThatProcessInstance(byKey(order.getProcessInstanceKey()))
                .hasCompletedElements(
                        "Task_CreateInvoice", "Task_CollectPayment", "Task_CompleteOrder", "EndEvent_OrderCompleted")
                .isCompleted();
    }

    @Test
    void analystApprovesAReview() {
        SalesOrder order = order(customer("50000", RiskClass.C), "12000.00");
        HumanTask review = awaitOpenTask(order.getProcessInstanceKey(), "Task_ReviewCredit");

        inbox.complete(
                review.getJobKey(), Map.of("reviewOutcome", "APPROVE", "reviewComment", "Known customer"), ANALYST);

        awaitStatus(order, OrderStatus.APPROVED);
        assertThatProcessInstance(byKey(order.getProcessInstanceKey()))
                .hasCompletedElements("Task_ReviewCredit", "Task_RecordCreditReview", "Task_ReserveCredit")
                .hasActiveElements("Event_ShipmentConfirmed");
    }

    @Test
    void analystRejectsAReview() {
        SalesOrder order = order(customer("50000", RiskClass.C), "15000.00");
        HumanTask review = awaitOpenTask(order.getProcessInstanceKey(), "Task_ReviewCredit");

        inbox.complete(
                review.getJobKey(), Map.of("reviewOutcome", "REJECT", "reviewComment", "Open disputes"), ANALYST);

        awaitStatus(order, OrderStatus.REJECTED);
        assertThatProcessInstance(byKey(order.getProcessInstanceKey()))
                .hasCompletedElements("Task_RecordCreditReview", "Task_RejectOrder", "EndEvent_OrderRejected")
                .isCompleted();
    }

    @Test
    void policyRejectsRiskClassD() {
        SalesOrder order = awaitStatus(order(customer("50000", RiskClass.D), "100.00"), OrderStatus.REJECTED);
        assertThatProcessInstance(byKey(order.getProcessInstanceKey()))
                .hasCompletedElements("Task_DecideCredit", "Task_RejectOrder", "EndEvent_OrderRejected")
                .hasNotActivatedElements("Task_ReviewCredit", "Task_ReserveCredit")
                .isCompleted();
    }
}
