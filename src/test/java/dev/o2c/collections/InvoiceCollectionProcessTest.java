package dev.o2c.collections;

import static dev.o2c.collections.CollectionScenario.COLLECTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceStatus;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.RiskClass;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.orders.OrderService;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.platform.audit.AuditRepository;
import dev.o2c.platform.errors.InvalidValueException;
import dev.o2c.support.EngineRecords;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.HumanTaskRepository;
import dev.o2c.tasks.TaskInbox;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of invoice-collection on the embedded engine, moving time forward as the calendar would. */
@IntegrationTest
class InvoiceCollectionProcessTest {

    @Autowired
    CollectionScenario collection;

    @Autowired
    Scenario scenario;

    @Autowired
    EngineRecords engine;

    @Autowired
    ReminderRepository reminders;

    @Autowired
    OutboxEmailRepository outbox;

    @Autowired
    TaskInbox inbox;

    @Autowired
    HumanTaskRepository tasks;

    @Autowired
    CustomerService customers;

    @Autowired
    OrderService orders;

    @Autowired
    AuditRepository audit;

    @Autowired
    LedgerInvariants ledger;

    @AfterEach
    void ledgerStillHolds() {
        ledger.assertHold();
    }

    @Test
    void remindersClimbToFinalNoticeThenCollectionsAndABrokenPromiseComesBack() {
        Customer customer = scenario.customer("NET30", "20000", RiskClass.B);
        Invoice invoice = collection.invoiceFor(customer, "1000.00");

        collection.days(29);
        assertThat(reminders.findByInvoiceIdOrderByLevelAsc(invoice.getId()))
                .as("nothing before the due date")
                .isEmpty();

        collection.days(2);
        Reminder first = collection.awaitReminder(invoice, 1);
        assertThat(first.getFee()).isZero();
        assertThat(first.getInterest()).isZero();
        assertThat(outbox.findByDedupKey("reminder-" + invoice.getId() + "-1")).hasValueSatisfying(email -> {
            assertThat(email.getRecipient()).isEqualTo(customer.getEmail());
            assertThat(email.getSubject()).isEqualTo("Payment reminder: invoice " + invoice.getNumber());
            assertThat(email.getStatus()).isEqualTo(OutboxEmail.Status.PENDING);
        });

        collection.days(14);
        Reminder second = collection.awaitReminder(invoice, 2);
        // the first reminder that charges: the recovery fee (40 EUR, once per invoice) and late-payment interest at
        // the reference rate 2.15 % + 8 points = 10.15 % a year on the 1000.00 invoice amount for its 15 overdue days
        assertThat(second.getFee()).isEqualByComparingTo("40.00");
        assertThat(second.getInterestRate()).isEqualByComparingTo("10.15");
        assertThat(second.getInterestDays()).isEqualTo(15);
        assertThat(second.getInterest()).isEqualByComparingTo("4.17");
        assertThat(second.getOpenAmount()).isEqualByComparingTo("1044.17");

        collection.days(14);
        Reminder finalNotice = collection.awaitReminder(invoice, 3);
        // no second recovery fee; interest only for the 14 days since, on the invoice amount (not on fee or interest)
        assertThat(finalNotice.getFee()).isZero();
        assertThat(finalNotice.getInterestDays()).isEqualTo(14);
        assertThat(finalNotice.getInterest()).isEqualByComparingTo("3.89");
        Invoice afterFinal = scenario.invoice(invoice.getId());
        assertThat(afterFinal.getOpenAmount()).isEqualByComparingTo("1048.06");
        assertThat(afterFinal.getChargesAmount()).isEqualByComparingTo("48.06");
        assertThat(afterFinal.getDunningLevel()).isEqualTo(3);
        assertThat(outbox.findByDedupKey("reminder-" + invoice.getId() + "-3")
                        .orElseThrow()
                        .getBody())
                .contains("Final notice", "1,048.06 EUR", "Late-payment interest (10.15 % a year, 14 days) 3.89 EUR");
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "invoice", invoice.getId().toString()))
                .extracting(record -> record.getAction())
                .containsSubsequence(
                        "INVOICE_ISSUED",
                        "REMINDER_SENT",
                        "DUNNING_CHARGES_ADDED",
                        "REMINDER_SENT",
                        "DUNNING_CHARGES_ADDED",
                        "REMINDER_SENT");

        collection.days(14);
        HumanTask followUp = collection.awaitFollowUp(invoice, 0);
        assertThat(followUp.candidateGroups()).containsExactly("collectors");
        engine.assertDueAfterCreation(followUp, Duration.ofDays(2)); // the call is due two days on (the model's P2D)
        assertThat(inbox.variablesOf(followUp)).containsEntry("customerEmail", customer.getEmail());

        assertThatThrownBy(() -> inbox.complete(
                        followUp.getJobKey(),
                        Map.of("followUpOutcome", "PROMISE_TO_PAY", "followUpNote", "Will pay soon"),
                        COLLECTOR))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("promisedDate"));
        inbox.complete(
                followUp.getJobKey(),
                Map.of(
                        "followUpOutcome",
                        "PROMISE_TO_PAY",
                        "promisedDate",
                        collection.today().plusDays(10).toString(),
                        "followUpNote",
                        "CFO promised payment"),
                COLLECTOR);
        long orderProcess = orders.get(invoice.getOrderId()).getProcessInstanceKey();
        engine.awaitCompleted(orderProcess, "Task_RecordPromiseToPay");
        assertThat(scenario.invoice(invoice.getId()).getPromisedDate())
                .isEqualTo(collection.today().plusDays(10));

        collection.days(5);
        assertThat(tasks.findByStatusOrderByCreatedAtAsc(HumanTask.Status.OPEN))
                .as("no follow-up while the promise stands")
                .noneMatch(task -> invoice.getNumber().equals(task.getBusinessKey()));

        collection.days(6);
        HumanTask brokenPromise = collection.awaitFollowUp(invoice, followUp.getJobKey());

        inbox.complete(
                brokenPromise.getJobKey(),
                Map.of("followUpOutcome", "KEEP_DUNNING", "followUpNote", "No answer, try again in two weeks"),
                COLLECTOR);
        engine.awaitCompleted(orderProcess, "Task_ScheduleDunningCheck");
        collection.days(14);
        HumanTask again = collection.awaitFollowUp(invoice, brokenPromise.getJobKey());

        // the customer finally pays while the collector holds the case: the task is withdrawn, the invoice closed
        collection.pay(customer, invoice, "1048.06");
        scenario.awaitStatus(orders.get(invoice.getOrderId()), OrderStatus.COMPLETED);
        engine.awaitCompleted(orderProcess, "EndEvent_InvoicePaid");
        assertThat(engine.completedElements(orderProcess))
                .contains("Task_WithdrawFollowUp", "Event_PaidDuringFollowUp");
        assertThat(tasks.findById(again.getJobKey()).orElseThrow().getStatus()).isEqualTo(HumanTask.Status.CANCELED);
        assertThat(scenario.invoice(invoice.getId()).getStatus()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void riskyCustomersAreDunnedFasterAndACreditHoldStopsNewOrders() {
        Customer customer = scenario.customer("NET30", "20000", RiskClass.C);
        Invoice invoice = collection.invoiceFor(customer, "500.00");

        collection.days(31);
        collection.awaitReminder(invoice, 1);
        collection.days(7);
        assertThat(collection.awaitReminder(invoice, 2).getFee()).isEqualByComparingTo("40.00");
        collection.days(7);
        collection.awaitReminder(invoice, 3);
        collection.days(7);
        HumanTask followUp = collection.awaitFollowUp(invoice, 0);

        inbox.complete(
                followUp.getJobKey(),
                Map.of("followUpOutcome", "CREDIT_HOLD", "followUpNote", "Disputes every invoice, no more credit"),
                COLLECTOR);
        org.awaitility.Awaitility.await()
                .atMost(Scenario.PATIENCE)
                .until(() -> customers.get(customer.getId()).isOnCreditHold());
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "customer", customer.getId().toString()))
                .anySatisfy(record -> {
                    assertThat(record.getAction()).isEqualTo("CREDIT_HOLD_PLACED");
                    assertThat(record.getActor()).isEqualTo("collector");
                });

        // on hold with an invoice past final notice: the credit policy rejects new orders
        SalesOrder next = scenario.awaitStatus(scenario.order(customer, "50.00"), OrderStatus.REJECTED);
        assertThat(next.getReservedAmount()).isZero();

        // the process keeps looking at the invoice and escalates again after the scheduled check
        collection.days(14);
        collection.awaitFollowUp(invoice, followUp.getJobKey());
    }

    @Test
    void aPartialPaymentKeepsCollectingAndTheRestEndsIt() {
        Customer customer = scenario.customer("NET30", "20000", RiskClass.A);
        Invoice invoice = collection.invoiceFor(customer, "800.00");
        long orderProcess = orders.get(invoice.getOrderId()).getProcessInstanceKey();

        collection.pay(customer, invoice, "300.00");
        engine.awaitCompleted(orderProcess, "Event_PaymentReceived");
        Invoice partly = scenario.invoice(invoice.getId());
        assertThat(partly.getStatus()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(partly.getOpenAmount()).isEqualByComparingTo("500.00");
        assertThat(customers.get(customer.getId()).getCreditLimit()).isEqualByComparingTo("20000");

        // the rest is late: a reminder goes out for what is still open
        collection.days(31);
        assertThat(collection.awaitReminder(invoice, 1).getOpenAmount()).isEqualByComparingTo("500.00");

        collection.pay(customer, invoice, "500.00");
        scenario.awaitStatus(orders.get(invoice.getOrderId()), OrderStatus.COMPLETED);
        engine.awaitCompleted(orderProcess, "EndEvent_InvoicePaid");
        assertThat(engine.completedElements(orderProcess))
                .containsSubsequence(
                        "Event_PaymentReceived",
                        "Task_SendPaymentReminder",
                        "Event_PaymentReceived",
                        "EndEvent_InvoicePaid",
                        "Task_CompleteOrder");
        assertThat(reminders.findByInvoiceIdOrderByLevelAsc(invoice.getId())).hasSize(1);
    }
}
