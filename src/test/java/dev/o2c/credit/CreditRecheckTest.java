package dev.o2c.credit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.orders.ShipmentConfirmation;
import dev.o2c.payments.PaymentService;
import dev.o2c.support.EngineRecords;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.HumanTaskRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CreditRecheckTest {

    @Autowired
    Scenario scenario;

    @Autowired
    EngineRecords engine;

    @Autowired
    ShipmentConfirmation shipments;

    @Autowired
    PaymentService payments;

    @Autowired
    HumanTaskRepository tasks;

    @Autowired
    LedgerInvariants ledger;

    @AfterEach
    void ledgerStillHolds() {
        ledger.assertHold();
    }

    @Test
    void aPaymentReleasesAnOrderWaitingInReviewForLackOfCredit() {
        Customer customer = scenario.customer("1000");
        SalesOrder first = scenario.awaitStatus(scenario.order(customer, "800.00"), OrderStatus.APPROVED);
        shipments.confirm(first.getId(), "sales");
        Invoice invoice = scenario.awaitInvoice(first);

        SalesOrder second = scenario.awaitStatus(scenario.order(customer, "500.00"), OrderStatus.CREDIT_REVIEW);
        HumanTask review = scenario.awaitOpenTask(second.getProcessInstanceKey(), "Task_ReviewCredit");

        payments.post(
                new PaymentService.NewPayment(
                        customer.getId(),
                        new BigDecimal("800.00"),
                        "EUR",
                        invoice.getNumber(),
                        LocalDate.now(),
                        null,
                        List.of()),
                "clerk");

        SalesOrder approved = scenario.awaitStatus(second, OrderStatus.APPROVED);
        assertThat(approved.getReservedAmount()).isEqualByComparingTo("500.00");
        assertThat(tasks.findById(review.getJobKey()).orElseThrow().getStatus()).isEqualTo(HumanTask.Status.CANCELED);
        engine.awaitCompleted(second.getProcessInstanceKey(), "Task_WithdrawCreditReview");
    }
}
