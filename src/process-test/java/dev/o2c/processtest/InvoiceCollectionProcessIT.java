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
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** invoice-collection on CPT: payment ends it; the check-date timer, moved by increaseTime, sends a reminder. */
class InvoiceCollectionProcessIT extends ProcessTestBase {

  @Autowired ShipmentConfirmation shipments;
  @Autowired PaymentService payments;

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
        .hasCompletedElements("Event_CheckDateReached", "Task_AssessOverdueInvoice", "Task_DetermineDunningLevel",
            "Task_SendPaymentReminder");

    payments.post(new PaymentService.NewPayment(customer.getId(), invoice.getOpenAmount(), "EUR",
        invoice.getNumber(), LocalDate.now(engineTime), null, List.of()), "clerk");

    assertThatProcessInstance(byParentProcessInstanceKey(order.getProcessInstanceKey()))
        .hasCompletedElements("Event_PaymentReceived", "EndEvent_InvoicePaid")
        .isCompleted();
    awaitStatus(order, OrderStatus.COMPLETED);
  }
}
