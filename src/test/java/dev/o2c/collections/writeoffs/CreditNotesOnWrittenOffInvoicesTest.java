package dev.o2c.collections.writeoffs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.billing.CreditNote;
import dev.o2c.billing.CustomerCredits;
import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceService;
import dev.o2c.billing.InvoiceStatus;
import dev.o2c.customers.Customer;
import dev.o2c.customers.RiskClass;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.platform.audit.AuditRecord;
import dev.o2c.platform.audit.AuditRepository;
import dev.o2c.support.Api;
import dev.o2c.support.CreditNoteDesk;
import dev.o2c.support.EngineRecords;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskInbox;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Credit notes on invoices written off as bad debt: the written-off part was never paid, so a credit note reverses the
 * bad debt (Dr 4000 revenue, Dr 2200 VAT, Cr 6800 bad debt expense) before anything becomes refundable customer credit
 * (Cr 2150); only what the customer paid is owed back. Write-offs go through write-off-approval on the engine.
 */
@IntegrationTest
class CreditNotesOnWrittenOffInvoicesTest {

    private static final BigDecimal VAT_19 = new BigDecimal("0.19");

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
    CustomerCredits customerCredits;

    @Autowired
    InvoiceService invoices;

    @Autowired
    AuditRepository audit;

    @Autowired
    LedgerInvariants ledger;

    @Autowired
    CreditNoteDesk desk;

    @AfterEach
    void ledgerStillHolds() {
        ledger.assertHold();
    }

    @Test
    void aCreditNoteOnAnInvoiceWrittenOffEntirelyReversesTheBadDebtAndOwesTheCustomerNothing() {
        Customer customer = customerWithVat();
        Invoice invoice = scenario.invoiceFor(customer, "1000.00"); // 1,190.00 with VAT
        writeOff(invoice, "1190.00");
        assertThat(scenario.invoice(invoice.getId()).getStatus()).isEqualTo(InvoiceStatus.WRITTEN_OFF);

        CreditNote note = issue(invoice, "1190.00", "Goods were never delivered");

        assertThat(note.getNetAmount()).isEqualByComparingTo("1000.00");
        assertThat(note.getTaxAmount()).isEqualByComparingTo("190.00");
        assertThat(note.getAppliedAmount()).isZero();
        assertThat(note.getBadDebtReversalAmount()).isEqualByComparingTo("1190.00");
        assertThat(note.getCustomerCreditAmount()).isZero();
        Invoice after = scenario.invoice(invoice.getId());
        assertThat(after.getStatus()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        assertThat(after.getOpenAmount()).isZero();
        assertThat(after.getWrittenOffAmount()).isEqualByComparingTo("1190.00");
        assertThat(customerCredits.availableFor(customer.getId())).isEmpty();
        // the note's entry: revenue and VAT back against bad debt; nothing on receivable or customer credit
        assertThat(creditNoteLines(note))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "4000", new BigDecimal("1000.00"),
                        "2200", new BigDecimal("190.00"),
                        "6800", new BigDecimal("-1190.00")));
        assertThat(badDebtNetFor(invoice)).isZero();
        assertThat(api.get("clerk", "/api/invoices/" + invoice.getId() + "/credit-notes")
                        .body()
                        .path(0)
                        .path("badDebtReversalAmount")
                        .decimalValue())
                .isEqualByComparingTo("1190.00");
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "invoice", invoice.getId().toString()))
                .filteredOn(record -> record.getAction().equals("CREDIT_NOTE_ISSUED"))
                .singleElement()
                .extracting(AuditRecord::getDetails)
                .asString()
                .contains("bad debt reversed 1190.00", "customer credit 0.00");
    }

    @Test
    void onAnInvoicePartlyPaidAndTheRestWrittenOffOnlyWhatWasPaidBecomesCustomerCredit() {
        Customer customer = customerWithVat();
        Invoice invoice = scenario.invoiceFor(customer, "1000.00"); // 1,190.00
        scenario.pay(customer, invoice, "500.00");
        writeOff(invoice, "690.00");
        assertThat(scenario.invoice(invoice.getId()).getStatus()).isEqualTo(InvoiceStatus.WRITTEN_OFF);

        CreditNote note = issue(invoice, "1190.00", "All goods returned");

        assertThat(note.getAppliedAmount()).isZero();
        assertThat(note.getBadDebtReversalAmount()).isEqualByComparingTo("690.00");
        assertThat(note.getCustomerCreditAmount()).isEqualByComparingTo("500.00");
        assertThat(scenario.invoice(invoice.getId()).getStatus()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        assertThat(customerCredits.availableFor(customer.getId())).containsEntry("EUR", new BigDecimal("500.00"));
        assertThat(creditNoteLines(note))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "4000", new BigDecimal("1000.00"),
                        "2200", new BigDecimal("190.00"),
                        "6800", new BigDecimal("-690.00"),
                        "2150", new BigDecimal("-500.00")));
        assertThat(badDebtNetFor(invoice)).isZero();
        // the customer paid 500 for goods now credited in full: the statement says we owe them 500
        assertThat(api.get("clerk", "/api/customers/" + customer.getId() + "/statement")
                        .body()
                        .path("closingBalance")
                        .decimalValue())
                .isEqualByComparingTo("-500.00");
    }

    @Test
    void partialCreditNotesOnAWrittenOffInvoiceReverseBadDebtUntilAllOfItIsReversed() {
        Customer customer = customerWithVat();
        Invoice invoice = scenario.invoiceFor(customer, "1000.00"); // 1,190.00
        writeOff(invoice, "1190.00");

        CreditNote first = issue(invoice, "300.00", "Part of the delivery was faulty");
        CreditNote rest = issue(invoice, "890.00", "The rest returned as well");

        assertThat(first.getBadDebtReversalAmount()).isEqualByComparingTo("300.00");
        assertThat(first.getCustomerCreditAmount()).isZero();
        assertThat(rest.getBadDebtReversalAmount()).isEqualByComparingTo("890.00");
        assertThat(rest.getCustomerCreditAmount()).isZero();
        assertThat(customerCredits.availableFor(customer.getId())).isEmpty();
        assertThat(badDebtNetFor(invoice)).isZero();
        assertThat(scenario.invoice(invoice.getId()).getStatus()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
    }

    @Test
    void writtenOffDunningChargesStayBadDebtAndAPaymentCountsAgainstThemFirst() {
        Customer customer = customerWithVat();
        Invoice invoice = scenario.invoiceFor(customer, "1000.00"); // 1,190.00
        invoices.addDunningCharges(invoice.getId(), 2, new BigDecimal("40.00"), BigDecimal.ZERO); // 1,230.00 owed
        scenario.pay(customer, invoice, "500.00");
        writeOff(invoice, "730.00");

        CreditNote note = issue(invoice, "1190.00", "All goods returned");

        // after the note the customer still owes the 40.00 fee, and had paid 500.00: 460.00 is owed back
        assertThat(note.getBadDebtReversalAmount()).isEqualByComparingTo("730.00");
        assertThat(note.getCustomerCreditAmount()).isEqualByComparingTo("460.00");
        assertThat(customerCredits.availableFor(customer.getId())).containsEntry("EUR", new BigDecimal("460.00"));
        assertThat(badDebtNetFor(invoice)).isZero();
    }

    @Test
    void onAnOpenInvoicePartlyWrittenOffACreditNoteTakesTheOpenAmountThenTheWrittenOffPart() {
        Customer customer = customerWithVat();
        Invoice invoice = scenario.invoiceFor(customer, "1000.00"); // 1,190.00
        writeOff(invoice, "300.00");
        assertThat(scenario.invoice(invoice.getId()).getOpenAmount()).isEqualByComparingTo("890.00");

        CreditNote note = issue(invoice, "1190.00", "Order canceled, goods taken back");

        // the customer paid nothing: 890 was open, 300 written off, none of it is owed back
        assertThat(note.getAppliedAmount()).isEqualByComparingTo("890.00");
        assertThat(note.getBadDebtReversalAmount()).isEqualByComparingTo("300.00");
        assertThat(note.getCustomerCreditAmount()).isZero();
        assertThat(scenario.invoice(invoice.getId()).getOpenAmount()).isZero();
        assertThat(customerCredits.availableFor(customer.getId())).isEmpty();
        assertThat(badDebtNetFor(invoice)).isZero();
    }

    @Test
    void aSmallResidualTheSystemWroteOffIsReversedTooSoTheCustomerGetsBackWhatItPaid() {
        Customer customer = customerWithVat();
        Invoice invoice = scenario.invoiceFor(customer, "1000.00"); // 1,190.00
        scenario.pay(customer, invoice, "1189.40"); // the 0.60 left is written off by the system; the invoice is PAID
        assertThat(scenario.invoice(invoice.getId()).getStatus()).isEqualTo(InvoiceStatus.PAID);

        CreditNote note = issue(invoice, "1190.00", "All goods returned");

        assertThat(note.getBadDebtReversalAmount()).isEqualByComparingTo("0.60");
        assertThat(note.getCustomerCreditAmount()).isEqualByComparingTo("1189.40");
        assertThat(scenario.invoice(invoice.getId()).getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(customerCredits.availableFor(customer.getId())).containsEntry("EUR", new BigDecimal("1189.40"));
        assertThat(badDebtNetFor(invoice)).isZero();
    }

    @Test
    void onAPaidInvoiceWithoutWriteOffAllOfACreditNoteIsStillCustomerCredit() {
        Customer customer = customerWithVat();
        Invoice invoice = scenario.invoiceFor(customer, "100.00"); // 119.00
        scenario.pay(customer, invoice, "119.00");

        CreditNote note = issue(invoice, "119.00", "Returned");

        assertThat(note.getBadDebtReversalAmount()).isZero();
        assertThat(note.getCustomerCreditAmount()).isEqualByComparingTo("119.00");
    }

    private Customer customerWithVat() {
        return scenario.customer("NET30", "50000", RiskClass.B, VAT_19);
    }

    /** Asks for a write-off of {@code amount}, a credit manager approves it, and waits until it is posted. */
    private void writeOff(Invoice invoice, String amount) {
        WriteOff writeOff =
                writeOffs.request(invoice.getId(), new BigDecimal(amount), "EUR", "Customer insolvent", "collector");
        HumanTask task =
                scenario.awaitOpenTask(writeOff.getProcessInstanceKey(), WriteOffApprovalProcessTest.APPROVE_TASK);
        inbox.complete(
                task.getJobKey(),
                Map.of("writeOffDecision", "APPROVE", "writeOffComment", "Insolvency confirmed"),
                WriteOffApprovalProcessTest.MANAGER);
        engine.awaitCompleted(writeOff.getProcessInstanceKey(), "EndEvent_WrittenOff");
        assertThat(writeOffs.get(writeOff.getId()).getStatus()).isEqualTo(WriteOff.Status.POSTED);
    }

    private CreditNote issue(Invoice invoice, String amount, String reason) {
        return desk.issue(invoice, amount, reason);
    }

    private Map<String, BigDecimal> creditNoteLines(CreditNote note) {
        return desk.journalLines(note);
    }

    /** What stays on 6800 bad debt expense for the invoice: write-offs less the credit notes' reversals. */
    private BigDecimal badDebtNetFor(Invoice invoice) {
        return desk.netOnAccountFor(invoice, "6800");
    }
}
