package dev.o2c.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.credit.CreditDecision;
import dev.o2c.credit.CreditDecisions;
import dev.o2c.customers.Customer;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.orders.ShipmentConfirmation;
import dev.o2c.platform.audit.AuditRepository;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Zeebe delivers a job at least once: doing a step twice must leave the books as doing it once. */
@IntegrationTest
class WorkerIdempotencyTest {

    @Autowired
    Scenario scenario;

    @Autowired
    InvoiceService invoices;

    @Autowired
    InvoiceRepository invoiceRepository;

    @Autowired
    ShipmentConfirmation shipments;

    @Autowired
    CreditDecisions decisions;

    @Autowired
    AuditRepository audit;

    @Test
    void invoicingAnOrderTwiceIssuesOneInvoiceAndOneNumber() {
        Customer customer = scenario.customer("5000");
        SalesOrder order = scenario.awaitStatus(scenario.order(customer, "100.00"), OrderStatus.APPROVED);
        shipments.confirm(order.getId(), "sales");
        shipments.confirm(order.getId(), "sales");
        Invoice issued = scenario.awaitInvoice(order);
        // a shipment confirmation retried after the invoice was issued changes nothing either
        assertThat(shipments.confirm(order.getId(), "sales").getStatus())
                .isIn(OrderStatus.INVOICED, OrderStatus.COMPLETED);

        Invoice again = invoices.issueFor(order.getId());

        assertThat(again.getId()).isEqualTo(issued.getId());
        assertThat(again.getNumber()).isEqualTo(issued.getNumber());
        assertThat(invoiceRepository.search(customer.getId(), null)).hasSize(1);
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "invoice", issued.getId().toString()))
                .filteredOn(record -> record.getAction().equals("INVOICE_ISSUED"))
                .hasSize(1);
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "order", order.getId().toString()))
                .filteredOn(record -> record.getAction().equals("ORDER_SHIPPED"))
                .hasSize(1);
    }

    @Test
    void invoiceNumbersHaveNoGaps() {
        Customer customer = scenario.customer("50000");
        java.util.List<String> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SalesOrder order = scenario.awaitStatus(scenario.order(customer, "10.00"), OrderStatus.APPROVED);
            shipments.confirm(order.getId(), "sales");
            numbers.add(scenario.awaitInvoice(order).getNumber());
        }
        java.util.List<Integer> sequence = numbers.stream()
                .map(number -> Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)))
                .sorted()
                .toList();
        // other tests issue invoices concurrently in the same year, so ours are increasing, and the whole year is
        // gapless
        assertThat(sequence).doesNotHaveDuplicates();
        java.util.List<Integer> all = invoiceRepository.findAll().stream()
                .filter(invoice ->
                        invoice.getNumber().startsWith(numbers.getFirst().substring(0, 9)))
                .map(invoice -> Integer.parseInt(invoice.getNumber().substring(9)))
                .sorted()
                .toList();
        assertThat(all)
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, all.size())
                        .boxed()
                        .toList());
    }

    @Test
    void recordingTheSameCreditDecisionTwiceKeepsOneRecord() {
        Customer customer = scenario.customer("5000");
        SalesOrder order = scenario.awaitStatus(scenario.order(customer, "100.00"), OrderStatus.APPROVED);
        int before = decisions.forOrder(order.getId()).size();

        CreditDecision first = decisions.recordReview(
                order.getId(), CreditDecision.Outcome.APPROVE, "ok", "analyst", "job-test-" + order.getId());
        CreditDecision second = decisions.recordReview(
                order.getId(), CreditDecision.Outcome.APPROVE, "ok", "analyst", "job-test-" + order.getId());

        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(decisions.forOrder(order.getId())).hasSize(before + 1);
    }
}
