package dev.o2c.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceStatus;
import dev.o2c.customers.Customer;
import dev.o2c.payments.PaymentService;
import dev.o2c.support.EngineRecords;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class OrderToCashHappyPathTest {

    @Autowired
    Scenario scenario;

    @Autowired
    EngineRecords engine;

    @Autowired
    ShipmentConfirmation shipments;

    @Autowired
    PaymentService payments;

    @Test
    void anOrderWithinTheLimitIsApprovedShippedInvoicedPaidAndCompleted() {
        Customer customer = scenario.customer("10000");
        SalesOrder order = scenario.awaitStatus(scenario.order(customer, "1200.00"), OrderStatus.APPROVED);
        assertThat(order.getReservedAmount()).isEqualByComparingTo("1200.00");

        shipments.confirm(order.getId(), "sales");
        Invoice invoice = scenario.awaitInvoice(order);
        assertThat(invoice.getNumber()).matches("INV-\\d{4}-\\d{6}");
        assertThat(invoice.getTotalAmount()).isEqualByComparingTo("1200.00");

        payments.post(
                new PaymentService.NewPayment(
                        customer.getId(),
                        new BigDecimal("1200.00"),
                        "EUR",
                        invoice.getNumber(),
                        LocalDate.now(),
                        null,
                        List.of()),
                "clerk");

        scenario.awaitStatus(order, OrderStatus.COMPLETED);
        assertThat(scenario.invoice(invoice.getId()).getStatus()).isEqualTo(InvoiceStatus.PAID);
        engine.awaitCompleted(order.getProcessInstanceKey(), "EndEvent_OrderCompleted");
        assertThat(engine.completedElements(order.getProcessInstanceKey()))
                .containsSubsequence(
                        "Task_FetchBureauReport",
                        "Task_CheckCredit",
                        "Task_DecideCredit",
                        "Task_RecordCreditDecision",
                        "Task_ReserveCredit",
                        "Event_ShipmentConfirmed",
                        "Task_CreateInvoice",
                        "EndEvent_InvoicePaid",
                        "Task_CollectPayment",
                        "Task_CompleteOrder",
                        "EndEvent_OrderCompleted");
    }
}
