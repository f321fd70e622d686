package dev.o2c.ledger;

import static dev.o2c.ledger.LedgerAccount.BAD_DEBT_EXPENSE;
import static dev.o2c.ledger.LedgerAccount.BANK;
import static dev.o2c.ledger.LedgerAccount.CUSTOMER_CREDIT;
import static dev.o2c.ledger.LedgerAccount.DEDUCTIONS;
import static dev.o2c.ledger.LedgerAccount.DISCOUNTS_ALLOWED;
import static dev.o2c.ledger.LedgerAccount.FEE_INCOME;
import static dev.o2c.ledger.LedgerAccount.INTEREST_INCOME;
import static dev.o2c.ledger.LedgerAccount.RECEIVABLE;
import static dev.o2c.ledger.LedgerAccount.REVENUE;
import static dev.o2c.ledger.LedgerAccount.TAX_PAYABLE;
import static dev.o2c.ledger.LedgerAccount.UNAPPLIED_CASH;

import dev.o2c.billing.CreditNote;
import dev.o2c.billing.CreditNotes;
import dev.o2c.billing.CustomerCreditUse;
import dev.o2c.billing.CustomerCreditUsed;
import dev.o2c.billing.CustomerCredits;
import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceAdjusted;
import dev.o2c.billing.InvoiceIssued;
import dev.o2c.billing.InvoiceService;
import dev.o2c.payments.Payment;
import dev.o2c.payments.PaymentPosted;
import dev.o2c.payments.PaymentService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns receivables events into journal entries, inside the transaction that changed the document: an invoice and
 * its entry, a payment and its entry, commit or roll back together. That is what keeps the receivable account equal
 * to the open invoices.
 */
@Component
class LedgerPostings {

    private final Journal journal;
    private final InvoiceService invoices;
    private final PaymentService payments;
    private final CreditNotes creditNotes;
    private final CustomerCredits customerCredits;
    private final Clock clock;

    LedgerPostings(
            Journal journal,
            InvoiceService invoices,
            PaymentService payments,
            CreditNotes creditNotes,
            CustomerCredits customerCredits,
            Clock clock) {
        this.journal = journal;
        this.invoices = invoices;
        this.payments = payments;
        this.creditNotes = creditNotes;
        this.customerCredits = customerCredits;
        this.clock = clock;
    }

    @EventListener
    void on(InvoiceIssued issued) {
        Invoice invoice = invoices.get(issued.invoiceId());
        journal.post(draft(invoice, invoice.getIssueDate(), "INVOICE", "invoice issued", "invoice-" + invoice.getId())
                .debit(RECEIVABLE, invoice.getTotalAmount())
                .credit(REVENUE, invoice.getNetAmount())
                .credit(TAX_PAYABLE, invoice.getTaxAmount()));
    }

    @EventListener
    void on(InvoiceService.DunningChargesAdded charges) {
        Invoice invoice = invoices.get(charges.invoiceId());
        journal.post(draft(
                        invoice,
                        today(),
                        "DUNNING_CHARGES",
                        "dunning level " + charges.level() + " fee and interest",
                        "dunning-" + invoice.getId() + "-" + charges.level())
                .debit(RECEIVABLE, charges.fee().add(charges.interest()))
                .credit(FEE_INCOME, charges.fee())
                .credit(INTEREST_INCOME, charges.interest()));
    }

    @EventListener
    void on(InvoiceAdjusted adjusted) {
        Invoice invoice = invoices.get(adjusted.invoiceId());
        if (adjusted.kind() == InvoiceAdjusted.Kind.CREDIT_NOTE) {
            postCreditNote(invoice, creditNotes.get(adjusted.creditNoteId()));
            return;
        }
        if (adjusted.kind() == InvoiceAdjusted.Kind.WRITE_OFF) {
            journal.post(draft(invoice, today(), adjusted.kind().name(), "written off as bad debt", null)
                    .debit(BAD_DEBT_EXPENSE, adjusted.amount())
                    .credit(RECEIVABLE, adjusted.amount()));
            return;
        }
        boolean discount = adjusted.kind() == InvoiceAdjusted.Kind.DISCOUNT;
        journal.post(draft(
                        invoice,
                        today(),
                        adjusted.kind().name(),
                        discount ? "early-payment discount" : "short payment written off",
                        null)
                .debit(discount ? DISCOUNTS_ALLOWED : DEDUCTIONS, adjusted.amount())
                .credit(RECEIVABLE, adjusted.amount()));
    }

    /**
     * A credit note reverses revenue and VAT against the receivable for what was open; against bad debt expense,
     * discounts allowed and short-payment deductions for what write-offs, discounts and deductions had settled (the
     * customer never paid it); what the customer had paid is owed back (customer credit). See {@link CreditNotes} for
     * the order of the split.
     */
    private void postCreditNote(Invoice invoice, CreditNote note) {
        journal.post(new JournalDraft(
                        note.getIssueDate(),
                        "CREDIT_NOTE",
                        note.getNumber(),
                        "credit note on " + invoice.getNumber(),
                        note.getCustomerId(),
                        note.getCurrency(),
                        note.getIssuedBy(),
                        "credit-note-" + note.getId())
                .debit(REVENUE, note.getNetAmount())
                .debit(TAX_PAYABLE, note.getTaxAmount())
                .credit(RECEIVABLE, note.getAppliedAmount())
                .credit(BAD_DEBT_EXPENSE, note.getBadDebtReversalAmount())
                .credit(DISCOUNTS_ALLOWED, note.getDiscountReversalAmount())
                .credit(DEDUCTIONS, note.getDeductionReversalAmount())
                .credit(CUSTOMER_CREDIT, note.getCustomerCreditAmount()));
    }

    /**
     * Customer credit used: applied to an invoice it settles receivable (Cr 1200), refunded it leaves the bank (Cr
     * 1000); either way the customer is owed that much less (Dr 2150).
     */
    @EventListener
    void on(CustomerCreditUsed used) {
        CustomerCreditUse use = customerCredits.get(used.customerCreditUseId());
        boolean applied = use.getKind() == CustomerCreditUse.Kind.APPLICATION;
        String invoiceNumber = applied ? invoices.get(use.getInvoiceId()).getNumber() : null;
        journal.post(new JournalDraft(
                        use.getEffectiveDate(),
                        applied ? "CUSTOMER_CREDIT_APPLIED" : "CUSTOMER_CREDIT_REFUND",
                        applied ? invoiceNumber : "REFUND-" + use.getId(),
                        applied
                                ? "customer credit applied to " + invoiceNumber
                                : "customer credit refunded: " + use.getBankReference(),
                        use.getCustomerId(),
                        use.getCurrency(),
                        use.getRecordedBy(),
                        "customer-credit-" + use.getId())
                .debit(CUSTOMER_CREDIT, use.getAmount())
                .credit(applied ? RECEIVABLE : BANK, use.getAmount()));
    }

    @EventListener
    void on(PaymentPosted posted) {
        Payment payment = payments.get(posted.paymentId());
        BigDecimal applied = posted.appliedTotal();
        String document = "PAY-" + payment.getId();
        journal.post(new JournalDraft(
                        payment.getValueDate(),
                        "PAYMENT",
                        document,
                        "payment received" + (payment.getReference() == null ? "" : ": " + payment.getReference()),
                        payment.getCustomerId(),
                        payment.getCurrency(),
                        payment.getPostedBy(),
                        "payment-" + payment.getId())
                .debit(BANK, payment.getAmount())
                .credit(RECEIVABLE, applied)
                .credit(UNAPPLIED_CASH, payment.getUnappliedAmount()));
    }

    private JournalDraft draft(Invoice invoice, LocalDate date, String kind, String description, String key) {
        return new JournalDraft(
                date,
                kind,
                invoice.getNumber(),
                description,
                invoice.getCustomerId(),
                invoice.getCurrency(),
                "system",
                key);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
