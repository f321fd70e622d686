package dev.o2c.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.customers.Customer;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.platform.audit.AuditRecord;
import dev.o2c.platform.audit.AuditRepository;
import dev.o2c.support.Api;
import dev.o2c.support.CreditNoteDesk;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Credit notes on invoices settled partly by an early-payment discount or an accepted short-payment deduction: that
 * part was never paid, so a credit note reverses it (Cr 4900 discounts allowed, Cr 6900 short-payment deductions)
 * before anything becomes refundable customer credit (Cr 2150). The reversal comes first, up to what is not yet
 * reversed, not in proportion. Invoices here carry no VAT, so 1,000.00 is the whole invoice.
 */
@IntegrationTest
class CreditNotesOnDiscountedInvoicesTest {

    @Autowired
    Scenario scenario;

    @Autowired
    Api api;

    @Autowired
    CreditNoteDesk desk;

    @Autowired
    CustomerCredits customerCredits;

    @Autowired
    AuditRepository audit;

    @Autowired
    LedgerInvariants ledger;

    @AfterEach
    void ledgerStillHolds() {
        ledger.assertHold();
    }

    @Test
    void aCreditNoteOnAnInvoicePaidLessADiscountReversesTheDiscountAndOwesBackOnlyWhatWasPaid() {
        Customer customer = scenario.customer("10000");
        Invoice invoice = scenario.invoiceFor(customer, "1000.00");
        scenario.payLess(customer, invoice, "980.00", InvoiceAdjusted.Kind.DISCOUNT, "20.00");
        assertThat(scenario.invoice(invoice.getId()).getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(scenario.invoice(invoice.getId()).getDiscountedAmount()).isEqualByComparingTo("20.00");

        CreditNote note = desk.issue(invoice, "1000.00", "All goods returned");

        assertThat(note.getAppliedAmount()).isZero();
        assertThat(note.getBadDebtReversalAmount()).isZero();
        assertThat(note.getDiscountReversalAmount()).isEqualByComparingTo("20.00");
        assertThat(note.getDeductionReversalAmount()).isZero();
        assertThat(note.getCustomerCreditAmount()).isEqualByComparingTo("980.00");
        assertThat(customerCredits.availableFor(customer.getId())).containsEntry("EUR", new BigDecimal("980.00"));
        assertThat(desk.journalLines(note))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "4000", new BigDecimal("1000.00"),
                        "4900", new BigDecimal("-20.00"),
                        "2150", new BigDecimal("-980.00")));
        assertThat(desk.netOnAccountFor(invoice, "4900")).isZero();
        assertThat(api.get("clerk", "/api/invoices/" + invoice.getId() + "/credit-notes")
                        .body()
                        .path(0)
                        .path("discountReversalAmount")
                        .decimalValue())
                .isEqualByComparingTo("20.00");
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "invoice", invoice.getId().toString()))
                .filteredOn(record -> record.getAction().equals("CREDIT_NOTE_ISSUED"))
                .singleElement()
                .extracting(AuditRecord::getDetails)
                .asString()
                .contains("discount reversed 20.00", "deduction reversed 0.00", "customer credit 980.00");
    }

    @Test
    void aCreditNoteOnAnInvoiceShortPaidWithAnAcceptedDeductionReversesTheDeduction() {
        Customer customer = scenario.customer("10000");
        Invoice invoice = scenario.invoiceFor(customer, "1000.00");
        scenario.payLess(customer, invoice, "980.00", InvoiceAdjusted.Kind.DEDUCTION, "20.00");
        assertThat(scenario.invoice(invoice.getId()).getDeductedAmount()).isEqualByComparingTo("20.00");

        CreditNote note = desk.issue(invoice, "1000.00", "All goods returned");

        assertThat(note.getDiscountReversalAmount()).isZero();
        assertThat(note.getDeductionReversalAmount()).isEqualByComparingTo("20.00");
        assertThat(note.getCustomerCreditAmount()).isEqualByComparingTo("980.00");
        assertThat(customerCredits.availableFor(customer.getId())).containsEntry("EUR", new BigDecimal("980.00"));
        assertThat(desk.journalLines(note))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "4000", new BigDecimal("1000.00"),
                        "6900", new BigDecimal("-20.00"),
                        "2150", new BigDecimal("-980.00")));
        assertThat(desk.netOnAccountFor(invoice, "6900")).isZero();
    }

    @Test
    void aPartialCreditNoteReversesTheDiscountFirstAndLaterNotesOweBackTheRest() {
        Customer customer = scenario.customer("10000");
        Invoice invoice = scenario.invoiceFor(customer, "1000.00");
        scenario.payLess(customer, invoice, "980.00", InvoiceAdjusted.Kind.DISCOUNT, "20.00");

        CreditNote first = desk.issue(invoice, "300.00", "Part of the delivery was faulty");

        assertThat(first.getDiscountReversalAmount()).isEqualByComparingTo("20.00");
        assertThat(first.getCustomerCreditAmount()).isEqualByComparingTo("280.00");
        ledger.assertHold();

        CreditNote rest = desk.issue(invoice, "700.00", "The rest returned as well");

        assertThat(rest.getDiscountReversalAmount()).isZero();
        assertThat(rest.getCustomerCreditAmount()).isEqualByComparingTo("700.00");
        // 980.00 in all: what the customer paid
        assertThat(customerCredits.availableFor(customer.getId())).containsEntry("EUR", new BigDecimal("980.00"));
        assertThat(desk.netOnAccountFor(invoice, "4900")).isZero();
    }

    @Test
    void aNoteTakesWhatIsOpenFirstThenTheDiscountThenTheDeduction() {
        Customer customer = scenario.customer("10000");
        Invoice invoice = scenario.invoiceFor(customer, "1000.00");
        scenario.payLess(customer, invoice, "500.00", InvoiceAdjusted.Kind.DISCOUNT, "10.00");
        scenario.payLess(customer, invoice, "485.00", InvoiceAdjusted.Kind.DEDUCTION, "5.00");
        assertThat(scenario.invoice(invoice.getId()).getOpenAmount()).isZero();

        CreditNote first = desk.issue(invoice, "12.00", "Price correction");
        CreditNote second = desk.issue(invoice, "988.00", "All goods returned");

        assertThat(first.getDiscountReversalAmount()).isEqualByComparingTo("10.00");
        assertThat(first.getDeductionReversalAmount()).isEqualByComparingTo("2.00");
        assertThat(first.getCustomerCreditAmount()).isZero();
        assertThat(second.getDiscountReversalAmount()).isZero();
        assertThat(second.getDeductionReversalAmount()).isEqualByComparingTo("3.00");
        assertThat(second.getCustomerCreditAmount()).isEqualByComparingTo("985.00");
        assertThat(customerCredits.availableFor(customer.getId())).containsEntry("EUR", new BigDecimal("985.00"));
        assertThat(desk.netOnAccountFor(invoice, "4900")).isZero();
        assertThat(desk.netOnAccountFor(invoice, "6900")).isZero();
    }
}
