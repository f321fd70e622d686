package dev.o2c.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o2c.customers.Customer;
import dev.o2c.customers.RiskClass;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.orders.OrderService;
import dev.o2c.payments.PaymentService;
import dev.o2c.platform.audit.AuditRepository;
import dev.o2c.support.Api;
import dev.o2c.support.EngineRecords;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Credit notes through the API and the service: numbers, tax split, limits, customer credit, the ledger. */
@IntegrationTest
class CreditNotesTest {

    private static final BigDecimal VAT_19 = new BigDecimal("0.19");

    @Autowired
    Scenario scenario;

    @Autowired
    Api api;

    @Autowired
    CreditNotes creditNotes;

    @Autowired
    CreditNoteRepository repository;

    @Autowired
    InvoiceService invoiceService;

    @Autowired
    PaymentService payments;

    @Autowired
    OrderService orders;

    @Autowired
    EngineRecords engine;

    @Autowired
    AuditRepository audit;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    LedgerInvariants ledger;

    @Autowired
    Clock clock;

    @AfterEach
    void ledgerStillHolds() {
        ledger.assertHold();
    }

    @Test
    void aCreditNoteSplitsNetAndVatAtTheInvoicesRateAndReducesWhatIsOpen() {
        Invoice invoice = invoiceWithVat("1000.00"); // 1000.00 + 190.00 VAT

        Api.Response issued = api.post(
                "clerk",
                "/api/invoices/" + invoice.getId() + "/credit-notes",
                Map.of("amount", new BigDecimal("100.00"), "reason", "Two units arrived scratched"));

        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.body().path("number").asText()).matches(CreditNoteNumbers.FORMAT.pattern());
        // 100.00 gross at 19 %: VAT 100 * 0.19 / 1.19 = 15.966... -> 15.97 (half up), net the rest
        assertThat(issued.body().path("taxAmount").decimalValue()).isEqualByComparingTo("15.97");
        assertThat(issued.body().path("netAmount").decimalValue()).isEqualByComparingTo("84.03");
        assertThat(issued.body().path("appliedAmount").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(issued.body().path("customerCreditAmount").decimalValue()).isZero();
        assertThat(issued.body().path("status").asText()).isEqualTo("ISSUED");
        assertThat(issued.body().path("issuedBy").asText()).isEqualTo("clerk");
        Invoice after = scenario.invoice(invoice.getId());
        assertThat(after.getOpenAmount()).isEqualByComparingTo("1090.00");
        assertThat(after.getStatus()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "invoice", invoice.getId().toString()))
                .anySatisfy(record -> {
                    assertThat(record.getAction()).isEqualTo("CREDIT_NOTE_ISSUED");
                    assertThat(record.getActor()).isEqualTo("clerk");
                    assertThat(record.getReason()).isEqualTo("Two units arrived scratched");
                });

        Api.Response list = api.get("collector", "/api/invoices/" + invoice.getId() + "/credit-notes");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).hasSize(1);
        assertThat(api.get("collector", "/api/invoices/" + invoice.getId())
                        .body()
                        .path("creditNotes")
                        .path(0)
                        .path("number")
                        .asText())
                .isEqualTo(issued.body().path("number").asText());
    }

    @Test
    void theLastCreditNoteGivesBackExactlyTheInvoicesNetAndVatAndClosesIt() {
        Invoice invoice = invoiceWithVat("333.33"); // 333.33 + 63.33 VAT = 396.66
        issue(invoice, "100.00", "first part");

        CreditNote rest = issue(invoice, "296.66", "the rest").creditNote();

        List<CreditNote> notes = creditNotes.forInvoice(invoice.getId());
        assertThat(notes.stream().map(CreditNote::getNetAmount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(invoice.getNetAmount());
        assertThat(notes.stream().map(CreditNote::getTaxAmount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(invoice.getTaxAmount());
        assertThat(rest.getAppliedAmount()).isEqualByComparingTo("296.66");
        Invoice closed = scenario.invoice(invoice.getId());
        assertThat(closed.getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(closed.getOpenAmount()).isZero();
        // the credit note told invoice-collection, which ends as for a payment
        engine.awaitCompleted(orders.get(invoice.getOrderId()).getProcessInstanceKey(), "EndEvent_InvoicePaid");
    }

    @Test
    void numbersAreGaplessARolledBackCreditNoteGivesItsNumberBack() {
        Invoice invoice = invoiceWithVat("1000.00");
        int first = sequence(issue(invoice, "10.00", "first").creditNote().getNumber());

        String rolledBack = transactions.execute(status -> {
            String number = creditNotes
                    .issue(
                            new CreditNotes.NewCreditNote(invoice.getId(), new BigDecimal("20.00"), "undone", "k-undo"),
                            "clerk")
                    .creditNote()
                    .getNumber();
            status.setRollbackOnly();
            return number;
        });
        Api.Response refused = api.post(
                "clerk",
                "/api/invoices/" + invoice.getId() + "/credit-notes",
                Map.of("amount", new BigDecimal("5000.00"), "reason", "too much"));
        int next = sequence(issue(invoice, "30.00", "third").creditNote().getNumber());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(sequence(rolledBack)).isEqualTo(first + 1);
        assertThat(next)
                .as("the rolled-back and the refused credit note took no number")
                .isEqualTo(first + 1);
        assertThat(repository.findByRequestKey("k-undo")).isEmpty();
        assertThat(scenario.invoice(invoice.getId()).getOpenAmount()).isEqualByComparingTo("1150.00");
    }

    @Test
    void moreThanTheInvoiceTotalIsRefusedNamingTheFieldAndNothingIsWritten() {
        Invoice invoice = invoiceWithVat("100.00"); // total 119.00
        issue(invoice, "19.00", "price corrected");

        Api.Response tooMuch = api.post(
                "clerk",
                "/api/invoices/" + invoice.getId() + "/credit-notes",
                Map.of("amount", new BigDecimal("100.01"), "reason", "more than is left"));
        Api.Response noReason = api.post(
                "clerk",
                "/api/invoices/" + invoice.getId() + "/credit-notes",
                Map.of("amount", new BigDecimal("1.00")));
        Api.Response tooManyDecimals = api.post(
                "clerk",
                "/api/invoices/" + invoice.getId() + "/credit-notes",
                Map.of("amount", new BigDecimal("1.005"), "reason", "x"));
        Api.Response unknownInvoice = api.post(
                "clerk", "/api/invoices/0/credit-notes", Map.of("amount", new BigDecimal("1.00"), "reason", "x"));

        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.contentType()).startsWith("application/problem+json");
        assertThat(tooMuch.body().path("field").asText()).isEqualTo("amount");
        assertThat(tooMuch.body().path("detail").asText()).contains("100.00");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("field").asText()).isEqualTo("reason");
        assertThat(tooManyDecimals.status()).isEqualTo(400);
        assertThat(tooManyDecimals.body().path("field").asText()).isEqualTo("amount");
        assertThat(unknownInvoice.status()).isEqualTo(404);
        assertThat(creditNotes.forInvoice(invoice.getId())).hasSize(1);
        assertThat(scenario.invoice(invoice.getId()).getOpenAmount()).isEqualByComparingTo("100.00");
    }

    @Test
    void beyondWhatIsOpenOnAPartlyPaidInvoiceTheRestBecomesCustomerCredit() {
        Invoice invoice = invoiceWithVat("1000.00"); // 1190.00
        payments.post(
                new PaymentService.NewPayment(
                        invoice.getCustomerId(),
                        new BigDecimal("1000.00"),
                        "EUR",
                        invoice.getNumber(),
                        LocalDate.now(clock),
                        null,
                        List.of()),
                "clerk");

        CreditNote note = issue(invoice, "500.00", "half the goods returned").creditNote();

        assertThat(note.getAppliedAmount()).isEqualByComparingTo("190.00");
        assertThat(note.getCustomerCreditAmount()).isEqualByComparingTo("310.00");
        assertThat(scenario.invoice(invoice.getId()).getStatus()).isEqualTo(InvoiceStatus.PAID);
        // on a paid invoice all of it is customer credit
        CreditNote onPaid = issue(invoice, "10.00", "goodwill").creditNote();
        assertThat(onPaid.getAppliedAmount()).isZero();
        assertThat(onPaid.getCustomerCreditAmount()).isEqualByComparingTo("10.00");
        // the customer's statement: 1190 invoiced, 1000 paid, 510 credited -> we owe the customer 320
        Api.Response statement = api.get("clerk", "/api/customers/" + invoice.getCustomerId() + "/statement");
        assertThat(statement.body().path("closingBalance").decimalValue()).isEqualByComparingTo("-320.00");
        assertThat(statement.body().path("movements").findValuesAsText("kind")).contains("CREDIT_NOTE");
    }

    @Test
    void theSameIdempotencyKeyReturnsTheFirstCreditNoteAndADifferentAmountIsAConflict() {
        Invoice invoice = invoiceWithVat("1000.00");
        String path = "/api/invoices/" + invoice.getId() + "/credit-notes";
        Map<String, String> key = Map.of("Idempotency-Key", "cn-" + invoice.getId());

        Api.Response first =
                api.post("clerk", path, Map.of("amount", new BigDecimal("50.00"), "reason", "late delivery"), key);
        Api.Response again =
                api.post("clerk", path, Map.of("amount", new BigDecimal("50.00"), "reason", "late delivery"), key);
        Api.Response changed =
                api.post("clerk", path, Map.of("amount", new BigDecimal("60.00"), "reason", "late delivery"), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("id").asLong())
                .isEqualTo(first.body().path("id").asLong());
        assertThat(changed.status()).isEqualTo(409);
        assertThat(creditNotes.forInvoice(invoice.getId())).hasSize(1);
    }

    @Test
    void aCreditNoteIsNeverAPlainAdjustmentWithoutNumberAndVat() {
        Invoice invoice = invoiceWithVat("100.00");

        assertThatThrownBy(() -> invoiceService.adjust(
                        invoice, InvoiceAdjusted.Kind.CREDIT_NOTE, new BigDecimal("10.00"), "clerk", "shortcut"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(scenario.invoice(invoice.getId()).getOpenAmount()).isEqualByComparingTo("119.00");
    }

    @Test
    void onlyArClerksIssueCreditNotesOthersGet403BeforeTheirInputIsRead() {
        Invoice invoice = invoiceWithVat("100.00");

        Api.Response sales = api.post(
                "sales",
                "/api/invoices/" + invoice.getId() + "/credit-notes",
                Map.of("amount", new BigDecimal("-1"), "reason", ""));
        Api.Response collector = api.post(
                "collector",
                "/api/invoices/" + invoice.getId() + "/credit-notes",
                Map.of("amount", new BigDecimal("1.00"), "reason", "x"));

        assertThat(sales.status()).isEqualTo(403);
        assertThat(sales.body().path("requiredGroups").toString()).contains("ar-clerks");
        assertThat(collector.status()).isEqualTo(403);
        assertThat(creditNotes.forInvoice(invoice.getId())).isEmpty();
    }

    private Invoice invoiceWithVat(String net) {
        Customer customer = scenario.customer("NET30", "20000", RiskClass.B, VAT_19);
        return scenario.invoiceFor(customer, net);
    }

    private CreditNotes.Issued issue(Invoice invoice, String amount, String reason) {
        Api.Response response = api.post(
                "clerk",
                "/api/invoices/" + invoice.getId() + "/credit-notes",
                Map.of("amount", new BigDecimal(amount), "reason", reason));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return new CreditNotes.Issued(creditNotes.get(response.body().path("id").asLong()), true);
    }

    private static int sequence(String number) {
        return Integer.parseInt(number.substring(number.lastIndexOf('-') + 1));
    }
}
