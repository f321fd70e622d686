package dev.o2c.collections.disputes;

import static dev.o2c.collections.disputes.DisputeScenario.CLERK;
import static dev.o2c.collections.disputes.DisputeScenario.MANAGER;
import static dev.o2c.collections.disputes.DisputeScenario.RESOLVE;
import static dev.o2c.collections.disputes.DisputeScenario.RESOLVE_ESCALATED;
import static dev.o2c.collections.disputes.DisputeScenario.SALES;
import static dev.o2c.collections.disputes.DisputeScenario.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o2c.billing.CreditNote;
import dev.o2c.billing.CreditNotes;
import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceStatus;
import dev.o2c.collections.DunningService;
import dev.o2c.collections.OutboxEmail;
import dev.o2c.collections.OutboxEmailRepository;
import dev.o2c.collections.ReminderRepository;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.PostalAddress;
import dev.o2c.customers.RiskClass;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.orders.OrderService;
import dev.o2c.platform.audit.AuditRepository;
import dev.o2c.platform.errors.InvalidValueException;
import dev.o2c.support.Api;
import dev.o2c.support.EngineRecords;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.HumanTaskRepository;
import dev.o2c.tasks.TaskInbox;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of dispute-resolution on the embedded engine, and dunning while a dispute is unresolved. */
@IntegrationTest
class DisputeResolutionProcessTest {

    @Autowired
    DisputeScenario disputes;

    @Autowired
    Disputes service;

    @Autowired
    Scenario scenario;

    @Autowired
    EngineRecords engine;

    @Autowired
    TaskInbox inbox;

    @Autowired
    HumanTaskRepository tasks;

    @Autowired
    CreditNotes creditNotes;

    @Autowired
    OutboxEmailRepository outbox;

    @Autowired
    ReminderRepository reminders;

    @Autowired
    DunningService dunning;

    @Autowired
    OrderService orders;

    @Autowired
    AuditRepository audit;

    @Autowired
    CustomerService customers;

    @Autowired
    LedgerInvariants ledger;

    @Autowired
    Api api;

    @AfterEach
    void ledgerStillHolds() {
        ledger.assertHold();
    }

    @Test
    void acceptedInFullACreditNoteForTheWholeDisputedAmountClosesTheInvoice() {
        Invoice invoice = invoice("1000.00");
        Dispute dispute = disputes.open(invoice, null, "PRICE");
        assertThat(dispute.getAmount()).isEqualByComparingTo("1000.00");
        assertThat(dispute.getStatus()).isEqualTo(DisputeStatus.OPEN);

        HumanTask task = disputes.awaitTask(dispute, RESOLVE);
        assertThat(task.candidateGroups()).containsExactly("sales");
        assertThat(task.getBusinessKey()).isEqualTo(invoice.getNumber());
        inbox.complete(
                task.getJobKey(),
                Map.of("disputeOutcome", "ACCEPT_FULL", "resolutionNote", "Wrong price list applied"),
                SALES);

        engine.awaitCompleted(dispute.getProcessInstanceKey(), "EndEvent_DisputeAccepted");
        Dispute accepted = service.get(dispute.getId());
        assertThat(accepted.getStatus()).isEqualTo(DisputeStatus.ACCEPTED);
        assertThat(accepted.getAcceptedAmount()).isEqualByComparingTo("1000.00");
        assertThat(accepted.getResolvedBy()).isEqualTo("sales");
        CreditNote note = creditNotes.get(accepted.getCreditNoteId());
        assertThat(note.getTotalAmount()).isEqualByComparingTo("1000.00");
        assertThat(note.getRequestKey()).isEqualTo("dispute-" + dispute.getId());
        assertThat(creditNotes.forInvoice(invoice.getId())).hasSize(1);
        assertThat(scenario.invoice(invoice.getId()).getStatus()).isEqualTo(InvoiceStatus.PAID);
        engine.awaitCompleted(orders.get(invoice.getOrderId()).getProcessInstanceKey(), "EndEvent_InvoicePaid");
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "dispute", dispute.getId().toString()))
                .extracting(record -> record.getAction())
                .containsExactly("DISPUTE_OPENED", "DISPUTE_ACCEPTED");
    }

    @Test
    void acceptedInPartOnlyWithinTheDisputedAmountAndTheRestIsDunnedAgain() {
        Invoice invoice = invoice("1000.00");
        Dispute dispute = disputes.open(invoice, "400.00", "QUANTITY");
        HumanTask task = disputes.awaitTask(dispute, RESOLVE);
        assertThat(task.candidateGroups()).containsExactly("warehouse");
        assertThat(dunning.assess(invoice.getId()).openAmount())
                .as("the undisputed rest is dunned")
                .isEqualByComparingTo("600.00");

        assertThatThrownBy(() -> inbox.complete(
                        task.getJobKey(),
                        Map.of("disputeOutcome", "ACCEPT_PART", "acceptedAmount", new BigDecimal("400.01")),
                        WAREHOUSE))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("acceptedAmount"));
        assertThatThrownBy(() -> inbox.complete(task.getJobKey(), Map.of("disputeOutcome", "ACCEPT_PART"), WAREHOUSE))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("acceptedAmount"));
        assertThat(tasks.findById(task.getJobKey()).orElseThrow().getStatus()).isEqualTo(HumanTask.Status.OPEN);

        inbox.complete(
                task.getJobKey(),
                Map.of("disputeOutcome", "ACCEPT_PART", "acceptedAmount", new BigDecimal("150.00")),
                WAREHOUSE);

        Dispute partly = disputes.awaitStatus(dispute, DisputeStatus.PARTIALLY_ACCEPTED);
        engine.awaitCompleted(dispute.getProcessInstanceKey(), "EndEvent_DisputeAccepted");
        assertThat(partly.getAcceptedAmount()).isEqualByComparingTo("150.00");
        assertThat(creditNotes.get(partly.getCreditNoteId()).getTotalAmount()).isEqualByComparingTo("150.00");
        assertThat(scenario.invoice(invoice.getId()).getOpenAmount()).isEqualByComparingTo("850.00");
        assertThat(dunning.assess(invoice.getId()).openAmount()).isEqualByComparingTo("850.00");
    }

    @Test
    void theWarehouseAnswersDisputesAboutTheGoodsAndReadsNothingElse() {
        Customer customer = scenario.customer("NET30", "20000", RiskClass.B);
        Invoice damaged = scenario.invoiceFor(customer, "800.00");
        Invoice priced = scenario.invoiceFor(customer, "900.00");
        Dispute goods = disputes.open(damaged, "300.00", "DAMAGED_GOODS");
        Dispute price = disputes.open(priced, null, "PRICE");
        HumanTask task = disputes.awaitTask(goods, RESOLVE);
        assertThat(task.candidateGroups()).containsExactly("warehouse");
        HumanTask salesTask = disputes.awaitTask(price, RESOLVE);

        // the task, its context, its dispute and its invoice
        assertThat(api.get("warehouse", "/api/tasks").body().findValuesAsText("id"))
                .contains(String.valueOf(task.getJobKey()))
                .doesNotContain(String.valueOf(salesTask.getJobKey()));
        Api.Response context = api.get("warehouse", "/api/tasks/" + task.getJobKey() + "/context");
        assertThat(context.status()).isEqualTo(200);
        assertThat(context.body().path("invoice").path("number").asText()).isEqualTo(damaged.getNumber());
        assertThat(context.body().path("customer").path("name").asText()).isEqualTo(customer.getName());
        assertThat(context.body().path("customer").has("creditLimit"))
                .as("the customer's credit is not the warehouse's business")
                .isFalse();
        assertThat(api.get("warehouse", "/api/disputes/" + goods.getId()).status())
                .isEqualTo(200);
        assertThat(api.get("warehouse", "/api/invoices/" + damaged.getId()).status())
                .isEqualTo(200);

        // nothing else: sales' dispute and its invoice, the dispute list, customers, the dashboard
        assertThat(api.get("warehouse", "/api/tasks/" + salesTask.getJobKey()).status())
                .isEqualTo(403);
        assertThat(api.get("warehouse", "/api/disputes/" + price.getId()).status())
                .isEqualTo(403);
        assertThat(api.get("warehouse", "/api/invoices/" + priced.getId()).status())
                .isEqualTo(403);
        assertThat(api.get("warehouse", "/api/disputes").status()).isEqualTo(403);
        assertThat(api.get("warehouse", "/api/invoices").status()).isEqualTo(403);
        assertThat(api.get("warehouse", "/api/customers/" + customer.getId()).status())
                .isEqualTo(403);
        assertThat(api.get("warehouse", "/api/dashboard").status()).isEqualTo(403);
        assertThatThrownBy(() -> inbox.complete(task.getJobKey(), Map.of("disputeOutcome", "ACCEPT_FULL"), SALES))
                .isInstanceOf(dev.o2c.platform.errors.NotPermittedException.class);

        inbox.complete(
                task.getJobKey(),
                Map.of("disputeOutcome", "ACCEPT_FULL", "resolutionNote", "Photos show broken pallets"),
                WAREHOUSE);
        Dispute accepted = disputes.awaitStatus(goods, DisputeStatus.ACCEPTED);
        assertThat(accepted.getResolvedBy()).isEqualTo("warehouse");
        assertThat(api.get("warehouse", "/api/disputes/" + goods.getId()).status())
                .as("still theirs to read after answering")
                .isEqualTo(200);
    }

    @Test
    void rejectedTheReasonIsKeptAndTheCustomerToldByEmail() {
        Customer customer = scenario.customer("NET30", "20000", RiskClass.B);
        Invoice invoice = scenario.invoiceFor(customer, "700.00");
        Dispute dispute = disputes.open(invoice, "200.00", "DUPLICATE_BILLING");
        HumanTask task = disputes.awaitTask(dispute, RESOLVE);
        assertThat(task.candidateGroups()).containsExactly("ar-clerks");
        // beside the form: the dispute, its invoice, credit notes so far and the customer's account
        Api.Response context = api.get("clerk", "/api/tasks/" + task.getJobKey() + "/context");
        assertThat(context.status()).isEqualTo(200);
        assertThat(context.body().path("kind").asText()).isEqualTo("dispute");
        assertThat(context.body().path("dispute").path("comment").asText())
                .isEqualTo("Customer called about DUPLICATE_BILLING");
        assertThat(context.body().path("invoice").path("number").asText()).isEqualTo(invoice.getNumber());
        assertThat(context.body().path("customer").path("email").asText()).isEqualTo(customer.getEmail());

        assertThatThrownBy(() -> inbox.complete(task.getJobKey(), Map.of("disputeOutcome", "REJECT"), CLERK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("rejectionReason"));
        inbox.complete(
                task.getJobKey(),
                Map.of(
                        "disputeOutcome",
                        "REJECT",
                        "rejectionReason",
                        "Invoice " + invoice.getNumber() + " is the only one for this order"),
                CLERK);

        engine.awaitCompleted(dispute.getProcessInstanceKey(), "EndEvent_DisputeRejected");
        Dispute rejected = service.get(dispute.getId());
        assertThat(rejected.getStatus()).isEqualTo(DisputeStatus.REJECTED);
        assertThat(rejected.getRejectionReason()).contains("is the only one for this order");
        assertThat(rejected.getResolvedBy()).isEqualTo("clerk");
        OutboxEmail email =
                outbox.findByDedupKey("dispute-rejected-" + dispute.getId()).orElseThrow();
        assertThat(email.getRecipient()).isEqualTo(customer.getEmail());
        assertThat(email.getSubject()).isEqualTo("Your dispute of invoice " + invoice.getNumber());
        assertThat(email.getBody())
                .startsWith("Dear " + customer.getName() + ",")
                .contains("is the only one for this order", "200.00 EUR", "(billed twice)", "Kind regards");
        assertThat(creditNotes.forInvoice(invoice.getId())).isEmpty();
        assertThat(scenario.invoice(invoice.getId()).getOpenAmount()).isEqualByComparingTo("700.00");
        assertThat(service.unresolvedAmount(invoice.getId())).isZero();
    }

    @Test
    void aGermanCustomerIsToldInGermanAndOnlyOnceWhenTheRejectionIsDeliveredAgain() {
        Customer customer = scenario.customer("NET30", "20000", RiskClass.B);
        customers.changeContact(customer.getId(), "de", new PostalAddress(null, null, null, "DE", null), "test");
        Invoice invoice = scenario.invoiceFor(customer, "1234.56");
        Dispute dispute = disputes.open(invoice, "1000.00", "PRICE");
        HumanTask task = disputes.awaitTask(dispute, RESOLVE);
        inbox.complete(
                task.getJobKey(),
                Map.of("disputeOutcome", "REJECT", "rejectionReason", "Die Auftragsbestätigung nennt diesen Preis"),
                SALES);
        engine.awaitCompleted(dispute.getProcessInstanceKey(), "EndEvent_DisputeRejected");

        // the reject job delivered a second time: no second e-mail, the first reason stays
        service.reject(dispute.getId(), "Ein anderer Grund", "sales", null);

        OutboxEmail email =
                outbox.findByDedupKey("dispute-rejected-" + dispute.getId()).orElseThrow();
        assertThat(email.getSubject()).isEqualTo("Ihre Beanstandung der Rechnung " + invoice.getNumber());
        assertThat(email.getBody())
                .startsWith("Sehr geehrte Damen und Herren,")
                .contains("Ihre Beanstandung über 1.000,00 EUR zur Rechnung " + invoice.getNumber() + " (Preis)")
                .contains("Die Auftragsbestätigung nennt diesen Preis", "Mit freundlichen Grüßen")
                .doesNotContain("Ein anderer Grund", "Dear");
        assertThat(outbox.findAll())
                .filteredOn(mail -> mail.getRecipient().equals(customer.getEmail()))
                .hasSize(1);
    }

    @Test
    void unresolvedWithinItsSlaTheDisputeEscalatesToCreditManagers() {
        Invoice invoice = invoice("500.00");
        Dispute dispute = disputes.open(invoice, null, "DAMAGED_GOODS"); // SLA 3 days
        HumanTask routed = disputes.awaitTask(dispute, RESOLVE);
        // the inbox's due date is the routing table's SLA, the moment the task escalates
        assertThat(routed.getDueAt())
                .isBetween(
                        dispute.getOpenedAt().plus(Duration.ofDays(3)),
                        routed.getCreatedAt().plus(Duration.ofDays(3)));
        JsonNode routedView =
                api.get("collector", "/api/disputes/" + dispute.getId()).body();
        assertThat(Instant.parse(routedView.path("dueAt").asText())).isEqualTo(routed.getDueAt());
        assertThat(routedView.path("overdue").asBoolean()).isFalse();

        scenario.advance(Duration.ofDays(2));
        assertThat(service.get(dispute.getId()).getStatus()).isEqualTo(DisputeStatus.OPEN);

        scenario.advance(Duration.ofDays(2));
        HumanTask escalated = disputes.awaitTask(dispute, RESOLVE_ESCALATED);
        // credit managers have the escalated dispute's own SLA, the model's P3D
        engine.assertDueAfterCreation(escalated, Duration.ofDays(3));
        JsonNode listed = api.get("collector", "/api/disputes?customerId=" + dispute.getCustomerId())
                .body();
        assertThat(listed).hasSize(1);
        assertThat(Instant.parse(listed.path(0).path("dueAt").asText()))
                .as("due when the managers' task is: the stage the dispute is in")
                .isEqualTo(escalated.getDueAt());
        assertThat(listed.path(0).path("overdue").asBoolean()).isFalse();
        scenario.advance(Duration.ofDays(4));
        JsonNode late = api.get("collector", "/api/disputes/" + dispute.getId()).body();
        assertThat(late.path("overdue").asBoolean())
                .as("the managers missed theirs too")
                .isTrue();
        assertThat(escalated.candidateGroups()).containsExactly("credit-managers");
        assertThat(service.get(dispute.getId()).getStatus()).isEqualTo(DisputeStatus.ESCALATED);
        assertThat(tasks.findById(routed.getJobKey()).orElseThrow().getStatus()).isEqualTo(HumanTask.Status.ESCALATED);

        inbox.complete(escalated.getJobKey(), Map.of("disputeOutcome", "ACCEPT_FULL"), MANAGER);
        engine.awaitCompleted(dispute.getProcessInstanceKey(), "EndEvent_DisputeAccepted");
        assertThat(engine.completedElements(dispute.getProcessInstanceKey()))
                .contains("Event_SlaExceeded", "Task_EscalateDispute");
        assertThat(service.get(dispute.getId()).getStatus()).isEqualTo(DisputeStatus.ACCEPTED);
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "dispute", dispute.getId().toString()))
                .extracting(record -> record.getAction())
                .containsExactly("DISPUTE_OPENED", "DISPUTE_ESCALATED", "DISPUTE_ACCEPTED");
    }

    @Test
    void dunningPausesWhileTheWholeInvoiceIsDisputedAndResumesAtItsLevelAfterARejection() {
        Invoice invoice = invoice("1000.00"); // NET30: the first check is the day after the due date
        Dispute dispute = disputes.open(invoice, null, "NOT_RECEIVED");
        long collection = orders.get(invoice.getOrderId()).getProcessInstanceKey();

        scenario.advance(Duration.ofDays(31));
        engine.awaitCompleted(collection, "Task_ScheduleDunningCheck");
        assertThat(reminders.findByInvoiceIdOrderByLevelAsc(invoice.getId()))
                .as("no reminder while all of it is disputed")
                .isEmpty();
        assertThat(scenario.invoice(invoice.getId()).getDunningLevel()).isZero();
        DunningService.OverdueAssessment paused = dunning.assess(invoice.getId());
        assertThat(paused.openAmount()).isZero();
        assertThat(paused.disputedAmount()).isEqualByComparingTo("1000.00");

        // the SLA passed meanwhile: credit managers reject the dispute
        HumanTask escalated = disputes.awaitTask(dispute, RESOLVE_ESCALATED);
        inbox.complete(
                escalated.getJobKey(),
                Map.of("disputeOutcome", "REJECT", "rejectionReason", "Signed delivery note of the 3rd attached"),
                MANAGER);
        engine.awaitCompleted(dispute.getProcessInstanceKey(), "EndEvent_DisputeRejected");

        // the next check, as the policy scheduled it (7 days), sends the first reminder: dunning resumes where it stood
        scenario.advance(Duration.ofDays(7));
        await(() -> reminders.findByInvoiceIdAndLevel(invoice.getId(), 1).isPresent());
        assertThat(reminders.findByInvoiceIdOrderByLevelAsc(invoice.getId()))
                .singleElement()
                .satisfies(reminder -> assertThat(reminder.getOpenAmount()).isEqualByComparingTo("1000.00"));
        assertThat(scenario.invoice(invoice.getId()).getDunningLevel()).isEqualTo(1);
    }

    @Test
    void aPartlyDisputedInvoiceIsRemindedOfItsUndisputedRest() {
        Invoice invoice = invoice("1000.00");
        disputes.open(invoice, "400.00", "PRICE");

        scenario.advance(Duration.ofDays(31));

        await(() -> reminders.findByInvoiceIdAndLevel(invoice.getId(), 1).isPresent());
        DunningService.OverdueAssessment facts = dunning.assess(invoice.getId());
        assertThat(facts.openAmount()).isEqualByComparingTo("600.00");
        assertThat(facts.disputedAmount()).isEqualByComparingTo("400.00");
        assertThat(reminders
                        .findByInvoiceIdAndLevel(invoice.getId(), 1)
                        .orElseThrow()
                        .getOpenAmount())
                .as("the letter asks for the undisputed rest")
                .isEqualByComparingTo("600.00");
        assertThat(outbox.findByDedupKey("reminder-" + invoice.getId() + "-1")
                        .orElseThrow()
                        .getBody())
                .contains("600.00 EUR");
    }

    private Invoice invoice(String amount) {
        return scenario.invoiceFor(scenario.customer("NET30", "20000", RiskClass.B), amount);
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Scenario.PATIENCE).until(condition);
    }
}
