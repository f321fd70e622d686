package dev.o2c.billing;

import dev.o2c.customers.CustomerService;
import dev.o2c.platform.audit.AuditLog;
import dev.o2c.platform.money.Amounts;
import dev.o2c.platform.money.Currencies;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues credit notes: each against one invoice, from its own gapless number series, with VAT at the invoice's rate.
 * All credit notes on an invoice together never exceed its total. A note's amount is split in this order:
 *
 * <ol>
 *   <li>applied: what is open on the invoice is reduced first, at most the open amount (the ledger reverses revenue
 *       and VAT against the receivable);
 *   <li>bad-debt reversal: then what write-offs took off the invoice (approved ones and the system's small residuals,
 *       {@link Invoice#getWrittenOffAmount()}) and earlier credit notes have not reversed yet: the customer never paid
 *       that part, so it is not owed back; revenue and VAT are reversed against bad debt expense instead;
 *   <li>discount reversal, then deduction reversal: likewise what early-payment discounts ({@link
 *       Invoice#getDiscountedAmount()}), then accepted short-payment deductions ({@link Invoice#getDeductedAmount()})
 *       settled on the invoice and earlier credit notes have not reversed yet: settled, but never paid, so not owed
 *       back; revenue and VAT are reversed against discounts allowed (4900) or short-payment deductions (6900);
 *   <li>customer credit: only the rest, money the customer paid for what is now credited, is owed back (account 2150).
 * </ol>
 *
 * <p>Each reversal comes first, up to what is not yet reversed, not in proportion: a note of 300 on 1,000 paid 980 with
 * a 20 discount reverses the 20 and owes 280; a second note of 700 owes 700 (980 in all).
 *
 * <p>Put as one rule: the credit notes on an invoice together owe the customer what was paid on it (payments, applied
 * customer credit; not write-offs, discounts, deductions or credit notes) beyond what the invoice still asks for after
 * all its credit notes, and never more. An invoice written off entirely gets no customer credit from any credit note;
 * 1,190 paid 500 and written off 690 gets at most 500; 1,000 paid 980 with a 20 discount at most 980. The invoice's
 * status does not change (a WRITTEN_OFF or PAID invoice stays so).
 *
 * <p>A request key makes issuing idempotent: asking again with the same key returns the note already issued.
 */
@Service
public class CreditNotes {

    private final CreditNoteRepository creditNotes;
    private final CreditNoteNumbers numbers;
    private final InvoiceService invoices;
    private final CustomerService customers;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final CustomerCredits customerCredits;
    private final Clock clock;

    CreditNotes(
            CreditNoteRepository creditNotes,
            CreditNoteNumbers numbers,
            InvoiceService invoices,
            CustomerService customers,
            AuditLog audit,
            ApplicationEventPublisher events,
            CustomerCredits customerCredits,
            Clock clock) {
        this.creditNotes = creditNotes;
        this.numbers = numbers;
        this.invoices = invoices;
        this.customers = customers;
        this.audit = audit;
        this.events = events;
        this.customerCredits = customerCredits;
        this.clock = clock;
    }

    /** What to credit: the gross amount (net + VAT) in the invoice's currency, and why. */
    public record NewCreditNote(long invoiceId, BigDecimal amount, String reason, String requestKey) {}

    /** The credit note, and whether this call issued it (false: the request key had issued it before). */
    public record Issued(CreditNote creditNote, boolean issuedNow) {}

    @Transactional
    public Issued issue(NewCreditNote request, String actor) {
        Invoice invoice = invoices.lock(request.invoiceId());
        Optional<CreditNote> earlier = creditNotes.findByRequestKey(request.requestKey());
        if (earlier.isPresent()) {
            return new Issued(replay(earlier.get(), request), false);
        }
        BigDecimal amount = request.amount();
        if (amount == null || amount.signum() <= 0) {
            throw new InvalidInvoiceException("amount", "must be more than 0");
        }
        if (!Currencies.hasMinorUnitScale(amount, invoice.getCurrency())) {
            throw new InvalidInvoiceException("amount", "has more decimals than " + invoice.getCurrency() + " allows");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw new InvalidInvoiceException("reason", "a credit note needs a reason");
        }
        List<CreditNote> issued = creditNotes.findByInvoiceIdOrderByIdAsc(invoice.getId());
        BigDecimal creditedGross = sum(issued, CreditNote::getTotalAmount);
        BigDecimal creditable = invoice.getTotalAmount().subtract(creditedGross);
        if (amount.compareTo(creditable) > 0) {
            throw new InvalidInvoiceException(
                    "amount",
                    "credit notes may not exceed the invoice total: " + invoice.getNumber() + " totals "
                            + invoice.getTotalAmount() + " " + invoice.getCurrency() + ", " + creditedGross
                            + " already credited, at most " + creditable + " left");
        }
        BigDecimal tax;
        BigDecimal net;
        if (amount.compareTo(creditable) == 0) {
            // the last credit takes exactly what is left of net and VAT, so together they give the invoice back
            tax = invoice.getTaxAmount().subtract(sum(issued, CreditNote::getTaxAmount));
            net = amount.subtract(tax);
        } else {
            BigDecimal rate = customers.get(invoice.getCustomerId()).getTaxRate();
            tax = Amounts.round(
                    amount.multiply(rate).divide(BigDecimal.ONE.add(rate), 10, RoundingMode.HALF_UP),
                    invoice.getCurrency());
            net = amount.subtract(tax);
        }
        BigDecimal applied = invoice.getStatus().isOpen() ? amount.min(invoice.getOpenAmount()) : BigDecimal.ZERO;
        BigDecimal left = amount.subtract(applied);
        BigDecimal badDebtReversal =
                reversal(left, invoice.getWrittenOffAmount(), issued, CreditNote::getBadDebtReversalAmount);
        left = left.subtract(badDebtReversal);
        BigDecimal discountReversal =
                reversal(left, invoice.getDiscountedAmount(), issued, CreditNote::getDiscountReversalAmount);
        left = left.subtract(discountReversal);
        BigDecimal deductionReversal =
                reversal(left, invoice.getDeductedAmount(), issued, CreditNote::getDeductionReversalAmount);
        LocalDate today = LocalDate.now(clock);
        CreditNote note = creditNotes.save(new CreditNote(
                numbers.next(today.getYear()),
                invoice,
                today,
                net,
                tax,
                applied,
                badDebtReversal,
                discountReversal,
                deductionReversal,
                request.reason(),
                request.requestKey(),
                actor,
                clock.instant()));
        if (applied.signum() > 0) {
            // a credit note that closes the invoice ends its dunning like a payment
            invoices.settleByDocument(invoice, applied, "credit-note-" + note.getId());
        }
        if (note.getCustomerCreditAmount().signum() > 0) {
            customerCredits.credit(note.getCustomerId(), note.getCurrency(), note.getCustomerCreditAmount());
        }
        audit.record(
                actor,
                "CREDIT_NOTE_ISSUED",
                InvoiceService.ENTITY,
                invoice.getId(),
                note.getNumber() + " total " + note.getTotalAmount() + " " + note.getCurrency() + " (net "
                        + note.getNetAmount() + ", VAT " + note.getTaxAmount() + "), open now "
                        + invoice.getOpenAmount() + ", bad debt reversed " + note.getBadDebtReversalAmount()
                        + ", discount reversed " + note.getDiscountReversalAmount() + ", deduction reversed "
                        + note.getDeductionReversalAmount() + ", customer credit " + note.getCustomerCreditAmount(),
                request.reason());
        events.publishEvent(new InvoiceAdjusted(
                invoice.getId(), InvoiceAdjusted.Kind.CREDIT_NOTE, note.getTotalAmount(), note.getId()));
        return new Issued(note, true);
    }

    /** What credit notes may still take off an invoice: its total less the credit notes already issued on it. */
    @Transactional(readOnly = true)
    public BigDecimal creditableAmount(long invoiceId) {
        Invoice invoice = invoices.get(invoiceId);
        return invoice.getTotalAmount()
                .subtract(sum(creditNotes.findByInvoiceIdOrderByIdAsc(invoiceId), CreditNote::getTotalAmount));
    }

    @Transactional(readOnly = true)
    public List<CreditNote> forInvoice(long invoiceId) {
        invoices.get(invoiceId);
        return creditNotes.findByInvoiceIdOrderByIdAsc(invoiceId);
    }

    /** Every credit note issued to the customer, oldest first. */
    @Transactional(readOnly = true)
    public List<CreditNote> forCustomer(long customerId) {
        return creditNotes.findByCustomerIdOrderByIdAsc(customerId);
    }

    @Transactional(readOnly = true)
    public CreditNote get(long creditNoteId) {
        return creditNotes
                .findById(creditNoteId)
                .orElseThrow(() -> new InvoiceNotFoundException("credit note", creditNoteId));
    }

    private static CreditNote replay(CreditNote earlier, NewCreditNote request) {
        if (earlier.getInvoiceId() != request.invoiceId()
                || request.amount() == null
                || earlier.getTotalAmount().compareTo(request.amount()) != 0) {
            throw new IllegalInvoiceTransitionException("the request key was already used for credit note "
                    + earlier.getNumber() + " (" + earlier.getTotalAmount() + " on invoice " + earlier.getInvoiceId()
                    + "); use a new key for a new credit note");
        }
        return earlier;
    }

    /**
     * What of {@code left} reverses a part settled without payment: at most {@code settled} less what earlier notes
     * reversed of it.
     */
    private static BigDecimal reversal(
            BigDecimal left,
            BigDecimal settled,
            List<CreditNote> issued,
            java.util.function.Function<CreditNote, BigDecimal> reversed) {
        return left.min(settled.subtract(sum(issued, reversed)).max(BigDecimal.ZERO));
    }

    private static BigDecimal sum(List<CreditNote> notes, java.util.function.Function<CreditNote, BigDecimal> amount) {
        return notes.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
