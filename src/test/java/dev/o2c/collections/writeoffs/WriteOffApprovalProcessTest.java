package dev.o2c.collections.writeoffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceStatus;
import dev.o2c.customers.Customer;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.orders.OrderService;
import dev.o2c.orders.OrderStatus;
import dev.o2c.payments.PaymentService;
import dev.o2c.platform.audit.AuditRecord;
import dev.o2c.platform.audit.AuditRepository;
import dev.o2c.platform.errors.InvalidValueException;
import dev.o2c.platform.errors.NotPermittedException;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import dev.o2c.support.Api;
import dev.o2c.support.EngineRecords;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskInbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of write-off-approval on the embedded engine: within a collector's authority, a credit manager's, four
 * eyes by two different managers, the same person refused, a rejection; the API's refusals; the automatic write-off
 * of a small residual after a payment.
 */
@IntegrationTest
class WriteOffApprovalProcessTest {

    static final CurrentUser COLLECTOR = new CurrentUser("collector", Set.of(Groups.COLLECTORS));
    static final CurrentUser SECOND_COLLECTOR = new CurrentUser("colette", Set.of(Groups.COLLECTORS));
    static final CurrentUser MANAGER = new CurrentUser("manager", Set.of(Groups.CREDIT_MANAGERS));
    static final CurrentUser SECOND_MANAGER = new CurrentUser("margot", Set.of(Groups.CREDIT_MANAGERS));
    static final String APPROVE_TASK = "Task_ApproveWriteOff";
    static final String CONFIRM_TASK = "Task_ConfirmWriteOff";

    @Autowired
    Scenario scenario;

    @Autowired
    Api api;

    @Autowired
    WriteOffs writeOffs;

    @Autowired
    TaskInbox inbox;

    @Autowired
    EngineRecords engine;

    @Autowired
    AuditRepository audit;

    @Autowired
    PaymentService payments;

    @Autowired
    OrderService orders;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LedgerInvariants ledger;

    @Autowired
    PostWriteOffWorker postWorker;

    @Autowired
    RecordWriteOffDecisionWorker decisionWorker;

    @Autowired
    RouteWriteOffWorker routeWorker;

    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Autowired
    Clock clock;

    @AfterEach
    void ledgerStillHolds() {
        ledger.assertHold();
    }

    @Test
    void aSmallWriteOffIsApprovedByAnotherCollectorAndPostedToBadDebt() {
        Invoice invoice = scenario.invoiceFor(scenario.customer("5000"), "1000.00");

        Api.Response created = api.post(
                "collector",
                "/api/invoices/" + invoice.getId() + "/write-offs",
                Map.of("amount", "80.00", "currency", "EUR", "reason", "Damaged goods, customer will not pay"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("status").asText()).isEqualTo("REQUESTED");
        WriteOff writeOff = writeOffs.get(created.body().path("id").asLong());

        HumanTask task = scenario.awaitOpenTask(writeOff.getProcessInstanceKey(), APPROVE_TASK);
        assertThat(task.candidateGroups()).containsExactly(Groups.COLLECTORS, Groups.CREDIT_MANAGERS);
        engine.assertDueAfterCreation(task, Duration.ofDays(3)); // the model's P3D for the approval
        assertThat(task.getBusinessKey()).isEqualTo(invoice.getNumber());
        assertThat(writeOffs.get(writeOff.getId()).getAuthorityGroup()).isEqualTo(Groups.COLLECTORS);

        assertThatThrownBy(() -> inbox.complete(task.getJobKey(), approve("my own idea"), COLLECTOR))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("four eyes: collector asked for write-off " + writeOff.getId());

        inbox.complete(task.getJobKey(), approve("Photos of the damage confirm it"), SECOND_COLLECTOR);
        engine.awaitCompleted(writeOff.getProcessInstanceKey(), "EndEvent_WrittenOff");

        WriteOff posted = writeOffs.get(writeOff.getId());
        assertThat(posted.getStatus()).isEqualTo(WriteOff.Status.POSTED);
        assertThat(posted.getApprovedBy()).isEqualTo("colette");
        assertThat(posted.getPostedAmount()).isEqualByComparingTo("80.00");
        assertThat(scenario.invoice(invoice.getId()).getOpenAmount()).isEqualByComparingTo("920.00");
        assertThat(badDebtPostedFor(invoice)).isEqualByComparingTo("80.00");
        assertThat(actionsOn(writeOff))
                .containsExactly("WRITE_OFF_REQUESTED", "WRITE_OFF_ROUTED", "WRITE_OFF_APPROVED", "WRITE_OFF_POSTED");
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "invoice", invoice.getId().toString()))
                .extracting(AuditRecord::getAction)
                .contains("INVOICE_WRITE_OFF");
    }

    @Test
    void repeatedJobsChangeNothing() {
        Invoice invoice = scenario.invoiceFor(scenario.customer("5000"), "400.00");
        WriteOff writeOff = writeOffs.request(invoice.getId(), new BigDecimal("60.00"), "EUR", "Small", "collector");
        HumanTask task = scenario.awaitOpenTask(writeOff.getProcessInstanceKey(), APPROVE_TASK);
        inbox.complete(task.getJobKey(), approve("Too small to chase"), SECOND_COLLECTOR);
        engine.awaitCompleted(writeOff.getProcessInstanceKey(), "EndEvent_WrittenOff");
        List<String> before = actionsOn(writeOff);

        // the engine delivers a job again: what is stored decides, nothing is posted or recorded twice
        assertThat(postWorker
                        .post(new PostWriteOffWorker.Input(writeOff.getId()))
                        .writeOffStatus())
                .isEqualTo("POSTED");
        assertThat(decisionWorker
                        .record(new RecordWriteOffDecisionWorker.Input(writeOff.getId(), "REJECT", "late", "someone"))
                        .writeOffOutcome())
                .isEqualTo(RecordWriteOffDecisionWorker.POST);
        assertThat(routeWorker
                        .route(new RouteWriteOffWorker.Input(
                                writeOff.getId(),
                                json.valueToTree(
                                        Map.of("approverGroup", Groups.CREDIT_MANAGERS, "secondApprover", true))))
                        .approvalGroup())
                .isEqualTo(Groups.COLLECTORS);

        assertThat(actionsOn(writeOff)).isEqualTo(before);
        assertThat(badDebtPostedFor(invoice)).isEqualByComparingTo("60.00");
        assertThat(scenario.invoice(invoice.getId()).getOpenAmount()).isEqualByComparingTo("340.00");
    }

    @Test
    void aLargerWriteOffNeedsACreditManagerAndACollectorIsRefusedNamingTheGroup() {
        Invoice invoice = scenario.invoiceFor(scenario.customer("5000"), "2000.00");
        WriteOff writeOff =
                writeOffs.request(invoice.getId(), new BigDecimal("800.00"), "EUR", "Insolvent", "collector");

        HumanTask task = scenario.awaitOpenTask(writeOff.getProcessInstanceKey(), APPROVE_TASK);
        assertThat(task.candidateGroups()).containsExactly(Groups.CREDIT_MANAGERS);
        assertThatThrownBy(() -> inbox.complete(task.getJobKey(), approve("fine by me"), SECOND_COLLECTOR))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining(Groups.CREDIT_MANAGERS);
        Api.Response refused = api.post(
                "collector",
                "/api/tasks/" + task.getJobKey() + "/complete",
                Map.of("variables", approve("I would let it go")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("detail").asText()).contains(Groups.CREDIT_MANAGERS);

        Api.Response context = api.get("manager", "/api/tasks/" + task.getJobKey() + "/context");
        assertThat(context.status()).isEqualTo(200);
        assertThat(context.body().path("kind").asText()).isEqualTo("write-off");
        assertThat(context.body().path("writeOff").path("amount").decimalValue())
                .isEqualByComparingTo("800.00");
        assertThat(context.body().path("writeOff").path("authorityGroup").asText())
                .isEqualTo(Groups.CREDIT_MANAGERS);
        assertThat(context.body().path("invoice").path("number").asText()).isEqualTo(invoice.getNumber());

        inbox.complete(task.getJobKey(), approve("Insolvency proceedings opened"), MANAGER);
        engine.awaitCompleted(writeOff.getProcessInstanceKey(), "EndEvent_WrittenOff");
        assertThat(writeOffs.get(writeOff.getId()).getStatus()).isEqualTo(WriteOff.Status.POSTED);
        assertThat(scenario.invoice(invoice.getId()).getOpenAmount()).isEqualByComparingTo("1200.00");
        assertThat(badDebtPostedFor(invoice)).isEqualByComparingTo("800.00");
    }

    @Test
    void averyLargeWriteOffNeedsTwoDifferentManagersAndTheFirstCannotConfirmHisOwn() {
        Invoice invoice = scenario.invoiceFor(scenario.customer("50000"), "20000.00");
        WriteOff writeOff =
                writeOffs.request(invoice.getId(), new BigDecimal("12000.00"), "EUR", "Settlement agreed", "collector");

        HumanTask first = scenario.awaitOpenTask(writeOff.getProcessInstanceKey(), APPROVE_TASK);
        inbox.complete(first.getJobKey(), approve("Court settlement, 8,000 paid"), MANAGER);
        HumanTask second = scenario.awaitOpenTask(writeOff.getProcessInstanceKey(), CONFIRM_TASK);
        assertThat(writeOffs.get(writeOff.getId()).getStatus()).isEqualTo(WriteOff.Status.AWAITING_SECOND_APPROVAL);
        assertThat(inbox.variablesOf(second)).containsEntry("firstApprover", "manager");
        engine.assertDueAfterCreation(second, Duration.ofDays(2)); // the model's P2D for the confirmation

        assertThatThrownBy(() -> inbox.complete(second.getJobKey(), approve("still fine"), MANAGER))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("four eyes: manager made the first approval of write-off " + writeOff.getId());
        // authorised before validated: the first approver hears 403 even for an answer the form would refuse
        assertThatThrownBy(() -> inbox.complete(second.getJobKey(), approve("ok"), MANAGER))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("four eyes");
        Api.Response refused = api.post(
                "manager", "/api/tasks/" + second.getJobKey() + "/complete", Map.of("variables", approve("ok")));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(403);
        assertThat(refused.body().toString()).doesNotContain("writeOffComment");
        assertThat(writeOffs.get(writeOff.getId()).getStatus()).isEqualTo(WriteOff.Status.AWAITING_SECOND_APPROVAL);

        inbox.complete(second.getJobKey(), approve("Agreed, see the settlement"), SECOND_MANAGER);
        engine.awaitCompleted(writeOff.getProcessInstanceKey(), "EndEvent_WrittenOff");
        WriteOff posted = writeOffs.get(writeOff.getId());
        assertThat(posted.getStatus()).isEqualTo(WriteOff.Status.POSTED);
        assertThat(posted.getSecondApprovedBy()).isEqualTo("margot");
        assertThat(scenario.invoice(invoice.getId()).getOpenAmount()).isEqualByComparingTo("8000.00");
        assertThat(badDebtPostedFor(invoice)).isEqualByComparingTo("12000.00");
        assertThat(actionsOn(writeOff))
                .containsExactly(
                        "WRITE_OFF_REQUESTED",
                        "WRITE_OFF_ROUTED",
                        "WRITE_OFF_FIRST_APPROVAL",
                        "WRITE_OFF_APPROVED",
                        "WRITE_OFF_POSTED");
    }

    @Test
    void anApprovedWriteOffOfAllThatIsOpenClosesTheInvoiceAsWrittenOffAndEndsItsDunning() {
        Customer customer = scenario.customer("5000");
        Invoice invoice = scenario.invoiceFor(customer, "130.00");
        scenario.pay(customer, invoice, "50.00");
        WriteOff writeOff = writeOffs.request(
                invoice.getId(), new BigDecimal("80.00"), "EUR", "Customer insolvent, rest lost", "collector");
        HumanTask task = scenario.awaitOpenTask(writeOff.getProcessInstanceKey(), APPROVE_TASK);

        inbox.complete(task.getJobKey(), approve("Insolvency confirmed"), SECOND_COLLECTOR);
        engine.awaitCompleted(writeOff.getProcessInstanceKey(), "EndEvent_WrittenOff");

        Invoice closed = scenario.invoice(invoice.getId());
        assertThat(closed.getStatus()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        assertThat(closed.getOpenAmount()).isZero();
        assertThat(closed.getPaidOn()).isEqualTo(LocalDate.now(clock));
        // the collection process hears of it like of a payment and ends; the order completes
        engine.awaitCompleted(orders.get(invoice.getOrderId()).getProcessInstanceKey(), "EndEvent_InvoicePaid");
        scenario.awaitStatus(orders.get(invoice.getOrderId()), OrderStatus.COMPLETED);
        // nothing reads it as open: not in the customer's open invoices, not open in the API, not dunned again
        assertThat(api.get("collector", "/api/invoices?customerId=" + customer.getId() + "&status=WRITTEN_OFF")
                        .body()
                        .findValuesAsText("id"))
                .containsExactly(invoice.getId().toString());
        assertThat(jdbc.queryForObject(
                        "select count(*) from invoice where customer_id = ? and status in ('OPEN', 'PARTIALLY_PAID')",
                        Long.class,
                        customer.getId()))
                .isZero();
        assertField(
                api.post(
                        "collector",
                        "/api/invoices/" + invoice.getId() + "/write-offs",
                        Map.of("amount", "1.00", "reason", "again")),
                "amount");
    }

    @Test
    void aRejectedWriteOffLeavesTheInvoiceAsItWas() {
        Invoice invoice = scenario.invoiceFor(scenario.customer("5000"), "300.00");
        WriteOff writeOff = writeOffs.request(invoice.getId(), new BigDecimal("50.00"), "EUR", "Small", "collector");

        HumanTask task = scenario.awaitOpenTask(writeOff.getProcessInstanceKey(), APPROVE_TASK);
        assertThatThrownBy(() -> inbox.complete(task.getJobKey(), Map.of("writeOffDecision", "REJECT"), MANAGER))
                .as("a rejection needs its reason")
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("writeOffComment"));
        inbox.complete(
                task.getJobKey(),
                Map.of("writeOffDecision", "REJECT", "writeOffComment", "Customer pays, call them"),
                MANAGER);
        engine.awaitCompleted(writeOff.getProcessInstanceKey(), "EndEvent_WriteOffRejected");

        WriteOff rejected = writeOffs.get(writeOff.getId());
        assertThat(rejected.getStatus()).isEqualTo(WriteOff.Status.REJECTED);
        assertThat(rejected.getRejectedBy()).isEqualTo("manager");
        assertThat(rejected.getRejectionReason()).isEqualTo("Customer pays, call them");
        assertThat(scenario.invoice(invoice.getId()).getOpenAmount()).isEqualByComparingTo("300.00");
        assertThat(badDebtPostedFor(invoice)).isEqualByComparingTo("0");
        assertThat(actionsOn(writeOff)).endsWith("WRITE_OFF_REJECTED");

        // rejected, the invoice may be asked about again
        WriteOff again = writeOffs.request(invoice.getId(), new BigDecimal("20.00"), "EUR", "Smaller", "collector");
        assertThat(again.getStatus()).isEqualTo(WriteOff.Status.REQUESTED);
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndWriteNothing() {
        Customer customer = scenario.customer("5000");
        Invoice invoice = scenario.invoiceFor(customer, "100.00");
        String path = "/api/invoices/" + invoice.getId() + "/write-offs";

        Api.Response sales = api.post("sales", path, Map.of("amount", "1.00", "reason", "x"));
        assertThat(sales.status()).isEqualTo(403);
        Api.Response salesInvalid = api.post("sales", path, Map.of("amount", "-1"));
        assertThat(salesInvalid.status()).as("authorize before validate").isEqualTo(403);

        assertField(api.post("collector", path, Map.of("amount", "0", "reason", "nothing")), "amount");
        assertField(api.post("collector", path, Map.of("amount", "-5.00", "reason", "negative")), "amount");
        assertField(api.post("collector", path, Map.of("amount", "100.01", "reason", "more than open")), "amount");
        assertField(api.post("collector", path, Map.of("amount", "1.005", "reason", "a tenth of a cent")), "amount");
        assertField(
                api.post("collector", path, Map.of("amount", "10.00", "currency", "USD", "reason", "wrong")),
                "currency");
        assertField(api.post("collector", path, Map.of("amount", "10.00")), "reason");
        assertThat(api.post("collector", "/api/invoices/999999999/write-offs", Map.of("amount", "1", "reason", "x"))
                        .status())
                .isEqualTo(404);
        assertThat(writeOffs.forInvoice(invoice.getId())).isEmpty();

        payments.post(
                new PaymentService.NewPayment(
                        customer.getId(),
                        new BigDecimal("100.00"),
                        "EUR",
                        invoice.getNumber(),
                        LocalDate.now(clock),
                        null,
                        List.of()),
                "clerk");
        assertField(api.post("collector", path, Map.of("amount", "10.00", "reason", "already paid")), "amount");
        assertThat(writeOffs.forInvoice(invoice.getId())).isEmpty();
    }

    @Test
    void aSmallResidualAfterAPaymentIsWrittenOffByTheSystemAndClosesTheInvoice() {
        Customer customer = scenario.customer("5000");
        Invoice invoice = scenario.invoiceFor(customer, "100.00");
        scenario.pay(customer, invoice, "99.40");

        Invoice closed = scenario.invoice(invoice.getId());
        assertThat(closed.getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(closed.getOpenAmount()).isEqualByComparingTo("0");
        List<WriteOff> automatic = writeOffs.forInvoice(invoice.getId());
        assertThat(automatic).singleElement().satisfies(w -> {
            assertThat(w.isAutomatic()).isTrue();
            assertThat(w.getStatus()).isEqualTo(WriteOff.Status.POSTED);
            assertThat(w.getRequestedBy()).isEqualTo("system");
            assertThat(w.getPostedAmount()).isEqualByComparingTo("0.60");
        });
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "write-off", automatic.get(0).getId().toString()))
                .singleElement()
                .satisfies(record -> {
                    assertThat(record.getAction()).isEqualTo("WRITE_OFF_POSTED");
                    assertThat(record.getActor()).isEqualTo("system");
                });
        assertThat(badDebtPostedFor(invoice)).isEqualByComparingTo("0.60");
        Api.Response report = api.get("clerk", "/api/write-offs?automatic=true");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body().findValuesAsText("id"))
                .contains(automatic.get(0).getId().toString());
        // the collection process hears of it like of a payment and ends; the order completes
        scenario.awaitStatus(orders.get(invoice.getOrderId()), OrderStatus.COMPLETED);

        // more than the tolerance stays open and is dunned as before
        Invoice other = scenario.invoiceFor(customer, "100.00");
        scenario.pay(customer, other, "98.50");
        assertThat(scenario.invoice(other.getId()).getOpenAmount()).isEqualByComparingTo("1.50");
        assertThat(writeOffs.forInvoice(other.getId())).isEmpty();
    }

    private static Map<String, Object> approve(String comment) {
        return Map.of("writeOffDecision", "APPROVE", "writeOffComment", comment);
    }

    private static void assertField(Api.Response response, String field) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("field").asText())
                .as(response.body().toString())
                .isEqualTo(field);
    }

    private List<String> actionsOn(WriteOff writeOff) {
        return audit
                .findByEntityTypeAndEntityIdOrderByIdAsc(
                        "write-off", writeOff.getId().toString())
                .stream()
                .map(AuditRecord::getAction)
                .toList();
    }

    /** Debits to 6800 bad debt expense for this invoice, each with the same credit to 1200 receivable. */
    private BigDecimal badDebtPostedFor(Invoice invoice) {
        return await().atMost(Scenario.PATIENCE)
                .until(() -> jdbc.queryForObject("""
                select coalesce(sum(l.debit), 0) from journal_entry e join journal_line l on l.entry_id = e.id
                where e.document = ? and e.kind = 'WRITE_OFF' and l.account_code = '6800'""", BigDecimal.class, invoice.getNumber()), amount -> true);
    }
}
