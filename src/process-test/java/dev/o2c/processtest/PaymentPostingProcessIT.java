package dev.o2c.processtest;

import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static io.camunda.process.test.api.assertions.ProcessInstanceSelectors.byKey;
import static io.camunda.process.test.api.assertions.ProcessInstanceSelectors.byParentProcessInstanceKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o2c.bankstatements.BankEntry;
import dev.o2c.bankstatements.BankEntryStatus;
import dev.o2c.bankstatements.BankStatementImport;
import dev.o2c.bankstatements.CamtWriter;
import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceStatus;
import dev.o2c.customers.Customer;
import dev.o2c.customers.RiskClass;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.orders.ShipmentConfirmation;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskInbox;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** payment-posting on CPT: a trusted match is posted alone, a clerk's match is posted, a clerk sets one aside. */
class PaymentPostingProcessIT extends ProcessTestBase {

    static final CurrentUser CLERK = new CurrentUser("clerk", Set.of(Groups.AR_CLERKS));

    @Autowired
    BankStatementImport statements;

    @Autowired
    ShipmentConfirmation shipments;

    @Autowired
    TaskInbox inbox;

    @Test
    void aCreditQuotingTheInvoiceReferenceIsPostedWithoutAClerk() {
        Invoice invoice = shippedInvoice(customer("10000", RiskClass.B), "400.00");
        BankEntry entry = awaitEntry(
                upload(statement()
                        .credit(
                                invoice.getOpenAmount().toPlainString(),
                                today(),
                                "Whoever",
                                null,
                                invoice.getCreditorReference(),
                                null)),
                BankEntryStatus.POSTED);

        assertThatProcessInstance(byKey(entry.getProcessInstanceKey()))
                .hasCompletedElements("Task_PostPayment", "EndEvent_PaymentPosted")
                .hasNotActivatedElements("Task_MatchPayment")
                .isCompleted();
        assertThat(invoice(invoice.getId()).getStatus()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void aClerksMatchIsPosted() {
        Customer customer = customer("10000", RiskClass.B);
        Invoice invoice = shippedInvoice(customer, "210.00");
        long statementId = upload(statement()
                .credit(invoice.getOpenAmount().toPlainString(), today(), "Unknown payer", null, null, "payment"));
        BankEntry entry = awaitEntry(statementId, BankEntryStatus.NEEDS_CLERK);
        long processInstanceKey = awaitProcess(statementId, entry);
        HumanTask task = awaitOpenTask(processInstanceKey, "Task_MatchPayment");

        inbox.complete(
                task.getJobKey(),
                Map.of(
                        "matchDecision",
                        "POST",
                        "customerId",
                        customer.getId(),
                        "invoiceNumbers",
                        invoice.getNumber(),
                        "matchNote",
                        "phoned the customer"),
                CLERK);

        awaitEntry(statementId, BankEntryStatus.POSTED);
        assertThatProcessInstance(byKey(processInstanceKey))
                .hasCompletedElements(
                        "Task_MatchPayment", "Task_RecordClerkMatch", "Task_PostPayment", "EndEvent_PaymentPosted")
                .isCompleted();
        assertThat(invoice(invoice.getId()).getStatus()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void aClerkSetsAsideWhatIsNoCustomerPayment() {
        long statementId =
                upload(statement().credit("17.30", today(), "Tax Office Refund", null, null, "Erstattung 2025"));
        BankEntry entry = awaitEntry(statementId, BankEntryStatus.NEEDS_CLERK);
        long processInstanceKey = awaitProcess(statementId, entry);
        HumanTask task = awaitOpenTask(processInstanceKey, "Task_MatchPayment");

        inbox.complete(task.getJobKey(), Map.of("matchDecision", "SET_ASIDE", "matchNote", "tax refund"), CLERK);

        awaitEntry(statementId, BankEntryStatus.SET_ASIDE);
        assertThatProcessInstance(byKey(processInstanceKey))
                .hasCompletedElements("EndEvent_SetAside")
                .hasNotActivatedElements("Task_PostPayment")
                .isCompleted();
    }

    private Invoice shippedInvoice(Customer customer, String amount) {
        SalesOrder order = awaitStatus(order(customer, amount), OrderStatus.APPROVED);
        shipments.confirm(order.getId(), "sales");
        Invoice invoice = awaitInvoice(order);
        // the collection process must wait for the payment before the statement arrives
        assertThatProcessInstance(byParentProcessInstanceKey(order.getProcessInstanceKey()))
                .isWaitingForMessage("payment-received");
        return invoice;
    }

    private long upload(CamtWriter statement) {
        return statements
                .importFile(statement.xml().getBytes(StandardCharsets.UTF_8), "process-test", "clerk")
                .statements()
                .get(0)
                .statementId();
    }

    private BankEntry awaitEntry(long statementId, BankEntryStatus status) {
        return await().atMost(PATIENCE)
                .until(
                        () -> statements.entriesOf(statementId).stream()
                                .filter(entry -> entry.getStatus() == status)
                                .findFirst()
                                .orElse(null),
                        entry -> entry != null);
    }

    /** Re-reads the entry: its payment-posting instance is started after the import commits. */
    private long awaitProcess(long statementId, BankEntry entry) {
        return await().atMost(PATIENCE)
                .until(
                        () -> statements.entriesOf(statementId).stream()
                                .filter(fresh -> fresh.getId().equals(entry.getId()))
                                .findFirst()
                                .orElseThrow()
                                .getProcessInstanceKey(),
                        key -> key != null);
    }

    private LocalDate today() {
        return LocalDate.now(engineTime);
    }

    private static CamtWriter statement() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return new CamtWriter("MSG-" + tag, "STMT-" + tag);
    }
}
