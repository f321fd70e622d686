package dev.o2c.bankstatements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.o2c.billing.Invoice;
import dev.o2c.collections.disputes.Dispute;
import dev.o2c.collections.disputes.DisputeReason;
import dev.o2c.collections.disputes.DisputeStatus;
import dev.o2c.collections.disputes.Disputes;
import dev.o2c.customers.Customer;
import dev.o2c.customers.RiskClass;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.payments.PaymentService;
import dev.o2c.platform.audit.AuditRepository;
import dev.o2c.platform.errors.InvalidValueException;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.HumanTaskRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A clerk posts a short payment to one invoice on "Match payment" and disputes the shortfall: the payment posts as a
 * partial payment and a dispute opens for the rest, with the posting, once; every other use is refused on the form.
 */
@IntegrationTest
class ShortPaymentDisputeTest {

    @Autowired
    StatementScenario statements;

    @Autowired
    Scenario scenario;

    @Autowired
    Disputes disputes;

    @Autowired
    BankEntryPosting posting;

    @Autowired
    BankEntryRepository entries;

    @Autowired
    PaymentService payments;

    @Autowired
    HumanTaskRepository tasks;

    @Autowired
    AuditRepository audit;

    @Autowired
    Api api;

    @Autowired
    Clock clock;

    @Autowired
    LedgerInvariants ledger;

    @AfterEach
    void ledgerStillHolds() {
        ledger.assertHold();
    }

    @Test
    void aShortPaymentPostsAsPartialAndOpensADisputeForTheRestOnce() {
        Customer customer = scenario.customer("NET30", "50000", RiskClass.B);
        Invoice invoice = scenario.invoiceFor(customer, "1000.00");
        long statementId = statements.uploaded(StatementScenario.statement()
                .credit("612.34", LocalDate.now(clock), "Short Payer " + StatementScenario.tag(), null, null, "part"));
        BankEntry entry = statements.awaitEntry(statementId, BankEntryStatus.NEEDS_CLERK);
        HumanTask task = scenario.awaitOpenTask(statements.awaitProcess(entry), "Task_MatchPayment");

        Api.Response done = statements.complete(task, answer(customer, invoice.getNumber(), "DAMAGED_GOODS"));
        assertThat(done.status()).as(done.body().toString()).isEqualTo(200);

        BankEntry posted = statements.awaitEntry(statementId, BankEntryStatus.POSTED);
        assertThat(posted.getDisputeReason()).isEqualTo("DAMAGED_GOODS");
        Invoice partlyPaid = scenario.invoice(invoice.getId());
        assertThat(partlyPaid.getOpenAmount())
                .as("a partial payment: nothing written off as a deduction")
                .isEqualByComparingTo("387.66");
        assertThat(partlyPaid.getStatus().isOpen()).isTrue();
        Dispute dispute = await().atMost(Scenario.PATIENCE)
                .until(
                        () -> disputesOf(invoice),
                        found -> found.size() == 1 && found.get(0).getProcessInstanceKey() != null)
                .get(0);
        assertThat(dispute.getAmount()).isEqualByComparingTo("387.66");
        assertThat(dispute.getReasonCode()).isEqualTo(DisputeReason.DAMAGED_GOODS);
        assertThat(dispute.getStatus()).isEqualTo(DisputeStatus.OPEN);
        assertThat(dispute.getOpenedBy()).isEqualTo("clerk");
        assertThat(dispute.getComment())
                .contains("bank entry " + entry.getId(), "612.34 EUR paid on " + invoice.getNumber());
        assertThat(disputes.unresolvedAmount(invoice.getId())).isEqualByComparingTo("387.66");
        // its process runs as for any dispute: routed by the reason, to the warehouse
        HumanTask resolve = scenario.awaitOpenTask(dispute.getProcessInstanceKey(), "Task_ResolveDispute");
        assertThat(resolve.candidateGroups()).containsExactly("warehouse");
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "dispute", dispute.getId().toString()))
                .extracting(record -> record.getActor() + " " + record.getAction())
                .containsExactly("clerk DISPUTE_OPENED");

        // the jobs come again (at least once): the same payment, no second dispute
        assertThat(posting.recordClerkChoice(
                        entry.getId(),
                        BankEntryPosting.ClerkChoice.fromForm(
                                "POST", customer.getId(), invoice.getNumber(), "again", "DAMAGED_GOODS"),
                        "clerk"))
                .isTrue();
        assertThat(posting.post(entry.getId())).isEqualTo(new BankEntryPosting.Posted(posted.getPaymentId()));
        assertThat(disputesOf(invoice)).hasSize(1);
        assertThat(scenario.invoice(invoice.getId()).getOpenAmount()).isEqualByComparingTo("387.66");
    }

    @Test
    void aDisputedShortfallIsRefusedOnTheFormUnlessThePaymentIsShortOfOneDisputableInvoice() {
        Customer customer = scenario.customer("NET30", "50000", RiskClass.B);
        Invoice large = scenario.invoiceFor(customer, "1000.00");
        Invoice small = scenario.invoiceFor(customer, "500.00");
        Invoice disputed = scenario.invoiceFor(customer, "900.00");
        Api.Response earlier = api.post(
                "collector",
                "/api/invoices/" + disputed.getId() + "/disputes",
                Map.of("amount", "100.00", "reasonCode", "PRICE"));
        assertThat(earlier.status()).isEqualTo(201);
        long statementId = statements.uploaded(StatementScenario.statement()
                .credit("612.34", LocalDate.now(clock), "Short Payer " + StatementScenario.tag(), null, null, "part"));
        BankEntry entry = statements.awaitEntry(statementId, BankEntryStatus.NEEDS_CLERK);
        HumanTask task = scenario.awaitOpenTask(statements.awaitProcess(entry), "Task_MatchPayment");

        refused(task, answer(customer, large.getNumber() + ", " + small.getNumber(), "PRICE"), "disputeReason");
        refused(task, answer(customer, small.getNumber(), "PRICE"), "disputeReason"); // 612.34 is not short of 500
        refused(task, answer(customer, large.getNumber(), "TOO_EXPENSIVE"), "disputeReason");
        refused(task, answer(customer, disputed.getNumber(), "QUANTITY"), "disputeReason"); // already disputed
        Map<String, Object> setAside = new HashMap<>(Map.of("matchDecision", "SET_ASIDE", "matchNote", "not ours"));
        setAside.put("disputeReason", "OTHER");
        refused(task, setAside, "disputeReason");

        assertThat(tasks.findById(task.getJobKey()).orElseThrow().getStatus()).isEqualTo(HumanTask.Status.OPEN);
        BankEntry untouched = entries.findById(entry.getId()).orElseThrow();
        assertThat(untouched.getStatus()).isEqualTo(BankEntryStatus.NEEDS_CLERK);
        assertThat(untouched.getDisputeReason()).isNull();
        assertThat(payments.allocationsTo(large.getId())).isEmpty();
        assertThat(disputesOf(large)).isEmpty();
        assertThat(disputesOf(disputed)).hasSize(1);

        // without a reason the same short payment is an ordinary partial payment
        Api.Response plain = statements.complete(task, answer(customer, large.getNumber(), null));
        assertThat(plain.status()).as(plain.body().toString()).isEqualTo(200);
        statements.awaitEntry(statementId, BankEntryStatus.POSTED);
        assertThat(scenario.invoice(large.getId()).getOpenAmount()).isEqualByComparingTo("387.66");
        assertThat(disputesOf(large)).isEmpty();
    }

    @Test
    void whenTheDisputeCannotOpenAtPostingTimeNothingIsPosted() {
        Customer customer = scenario.customer("NET30", "50000", RiskClass.B);
        Invoice invoice = scenario.invoiceFor(customer, "1000.00");
        long statementId = statements.uploaded(StatementScenario.statement()
                .credit("612.34", LocalDate.now(clock), "Short Payer " + StatementScenario.tag(), null, null, "part"));
        BankEntry entry = statements.awaitEntry(statementId, BankEntryStatus.NEEDS_CLERK);
        scenario.awaitOpenTask(statements.awaitProcess(entry), "Task_MatchPayment");
        // the clerk's choice is recorded (as its job would), then a collector disputes the invoice before the posting
        posting.recordClerkChoice(
                entry.getId(),
                BankEntryPosting.ClerkChoice.fromForm("POST", customer.getId(), invoice.getNumber(), "short", "PRICE"),
                "clerk");
        assertThat(api.post(
                                "collector",
                                "/api/invoices/" + invoice.getId() + "/disputes",
                                Map.of("amount", "50.00", "reasonCode", "OTHER"))
                        .status())
                .isEqualTo(201);

        assertThatThrownBy(() -> posting.post(entry.getId()))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("invoiceId"));

        assertThat(entries.findById(entry.getId()).orElseThrow().getStatus()).isEqualTo(BankEntryStatus.MATCHED);
        assertThat(payments.allocationsTo(invoice.getId()))
                .as("the payment rolled back with the dispute")
                .isEmpty();
        assertThat(scenario.invoice(invoice.getId()).getOpenAmount()).isEqualByComparingTo("1000.00");
        assertThat(disputesOf(invoice)).singleElement().satisfies(only -> assertThat(only.getOpenedBy())
                .isEqualTo("collector"));
    }

    @Test
    void theFormOffersExactlyTheDisputesReasonCodes() throws Exception {
        var form = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Files.readString(java.nio.file.Path.of("forms/match-payment.form")));
        List<String> offered = new java.util.ArrayList<>();
        form.path("components").forEach(component -> {
            if (component.path("key").asText().equals("disputeReason")) {
                component
                        .path("values")
                        .forEach(option -> offered.add(option.path("value").asText()));
            }
        });
        assertThat(offered)
                .containsExactly(java.util.Arrays.stream(DisputeReason.values())
                        .map(Enum::name)
                        .toArray(String[]::new));
    }

    private void refused(HumanTask task, Map<String, Object> answer, String field) {
        Api.Response response = statements.complete(task, answer);
        assertThat(response.status()).as(answer + " -> " + response.body()).isEqualTo(400);
        assertThat(response.field()).isEqualTo(field);
    }

    private static Map<String, Object> answer(Customer customer, String invoiceNumbers, String disputeReason) {
        Map<String, Object> answer = new HashMap<>();
        answer.put("matchDecision", "POST");
        answer.put("customerId", customer.getId());
        answer.put("invoiceNumbers", invoiceNumbers);
        answer.put("matchNote", "customer says the goods arrived damaged");
        if (disputeReason != null) {
            answer.put("disputeReason", disputeReason);
        }
        return answer;
    }

    private List<Dispute> disputesOf(Invoice invoice) {
        return disputes.forInvoice(invoice.getId());
    }
}
