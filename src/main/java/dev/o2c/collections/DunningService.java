package dev.o2c.collections;

import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceService;
import dev.o2c.collections.disputes.Disputes;
import dev.o2c.credit.CreditRescoring;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.documents.CustomerDocuments;
import dev.o2c.documents.Letter;
import dev.o2c.documents.ReminderLetterRequest;
import dev.o2c.platform.audit.AuditLog;
import dev.o2c.platform.money.Amounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class DunningService {

    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final InvoiceService invoices;
    private final CustomerService customers;
    private final ReminderRepository reminders;
    private final OutboxEmailRepository outbox;
    private final CustomerDocuments documents;
    private final Disputes disputes;
    private final AuditLog audit;
    private final LatePaymentSettings late;
    private final Clock clock;

    private final CreditRescoring rescoring;

    DunningService(
            InvoiceService invoices,
            CustomerService customers,
            ReminderRepository reminders,
            OutboxEmailRepository outbox,
            CustomerDocuments documents,
            Disputes disputes,
            AuditLog audit,
            LatePaymentSettings late,
            CreditRescoring rescoring,
            Clock clock) {
        this.rescoring = rescoring;
        this.invoices = invoices;
        this.disputes = disputes;
        this.customers = customers;
        this.reminders = reminders;
        this.outbox = outbox;
        this.documents = documents;
        this.audit = audit;
        this.late = late;
        this.clock = clock;
    }

    /**
     * What the dunning policy decides on, read fresh from the ledger of record (not from process variables). The open
     * amount is what may be dunned: an unresolved dispute's amount is left out, so a fully disputed invoice gets no
     * reminder (the policy's "nothing left to collect") and keeps its level until the dispute is resolved.
     */
    @Transactional(readOnly = true)
    public OverdueAssessment assess(long invoiceId) {
        Invoice invoice = invoices.get(invoiceId);
        Customer customer = customers.get(invoice.getCustomerId());
        long daysOverdue = invoice.daysOverdue(LocalDate.now(clock));
        BigDecimal disputed = disputes.unresolvedAmount(invoiceId);
        if (daysOverdue > 0 && invoice.getStatus().isOpen()) {
            // how late the customer pays is part of the score; it applies from the next check on
            rescoring.afterInvoiceOverdue(customer.getId(), invoice.getNumber());
        }
        return new OverdueAssessment(
                invoice.getId(),
                invoice.getNumber(),
                invoice.getStatus().name(),
                dunnable(invoice, disputed),
                disputed,
                invoice.getCurrency(),
                daysOverdue,
                invoice.getDunningLevel(),
                customer.riskClass().name(),
                customer.getName(),
                customer.getEmail());
    }

    /**
     * Sends the reminder of the given level once: a second call for the same invoice and level (a redelivered job)
     * finds the reminder already there and changes nothing. Paid invoices get no reminder. What it charges:
     * {@code charges} says whether this level charges interest and the recovery fee (the dunning policy's decision);
     * interest is {@link LatePaymentSettings#yearlyInterestPercent()} a year on the invoice amount still open (without
     * earlier charges: no interest on interest or fees) for each overdue day no earlier reminder charged; the recovery
     * fee is charged once per invoice. A customer whose late charges are waived is charged nothing.
     * An unresolved dispute's amount is neither charged interest nor asked for: the letter asks for the undisputed
     * rest.
     */
    @Transactional
    public ReminderOutcome sendReminder(long invoiceId, int level, Charges charges) {
        var existing = reminders.findByInvoiceIdAndLevel(invoiceId, level);
        if (existing.isPresent()) {
            return new ReminderOutcome(existing.get(), false);
        }
        Invoice invoice = invoices.get(invoiceId);
        if (!invoice.getStatus().isOpen()) {
            return new ReminderOutcome(null, false);
        }
        Customer customer = customers.get(invoice.getCustomerId());
        long daysOverdue = invoice.daysOverdue(LocalDate.now(clock));
        BigDecimal disputed = disputes.unresolvedAmount(invoiceId);
        LateCharge computed = lateCharge(
                invoice, disputed, daysOverdue, charges, reminders.findByInvoiceIdOrderByLevelAsc(invoiceId));
        LateCharge charge = customer.isLateChargesWaived() ? computed.waived() : computed;
        Invoice charged = invoices.addDunningCharges(invoiceId, level, charge.fee(), charge.interest());
        BigDecimal due = dunnable(charged, disputed);
        Reminder reminder = reminders.save(new Reminder(
                invoiceId,
                level,
                charge.fee(),
                charge.interest(),
                charge.interestRate(),
                charge.interestDays(),
                charge.waivedFee(),
                charge.waivedInterest(),
                due,
                clock.instant(),
                customer.getEmail()));
        // the letter in the customer's language, kept as a document; the e-mail carries it as PDF
        Letter letter = documents.reminderLetter(new ReminderLetterRequest(
                invoiceId,
                level,
                charge.fee(),
                charge.interest(),
                due,
                daysOverdue,
                charge.interestRate(),
                charge.interestDays()));
        outbox.save(new OutboxEmail(
                customer.getEmail(),
                letter.mailSubject(),
                letter.mailBody(),
                clock.instant(),
                "reminder-" + invoiceId + "-" + level,
                letter.document().getId()));
        audit.record(
                "system",
                "REMINDER_SENT",
                "invoice",
                invoiceId,
                letter.title() + " to " + customer.getEmail() + ", open " + charged.getOpenAmount()
                        + (disputed.signum() > 0 ? ", disputed " + disputed + ", asked for " + due : "") + ", letter "
                        + letter.document().getFileName() + charge.describe(),
                null);
        // a reminder is part of how the customer pays: the score follows once this has committed
        rescoring.afterReminder(customer.getId(), invoice.getNumber(), level);
        return new ReminderOutcome(reminder, true);
    }

    /** The open amount less what is disputed and unresolved, never below zero. */
    private static BigDecimal dunnable(Invoice invoice, BigDecimal disputed) {
        return invoice.getOpenAmount().subtract(disputed).max(BigDecimal.ZERO);
    }

    private LateCharge lateCharge(
            Invoice invoice, BigDecimal disputed, long daysOverdue, Charges charges, List<Reminder> earlier) {
        String currency = invoice.getCurrency();
        BigDecimal fee = BigDecimal.ZERO;
        boolean feeCharged = earlier.stream()
                .anyMatch(reminder -> reminder.getFee().signum() > 0
                        || reminder.getWaivedFee().signum() > 0);
        if (charges.recoveryFee() && !feeCharged) {
            fee = late.recoveryFeeIn(currency).orElse(BigDecimal.ZERO);
        }
        BigDecimal interest = BigDecimal.ZERO;
        BigDecimal rate = null;
        int days = 0;
        if (charges.interest()) {
            int charged = earlier.stream().mapToInt(Reminder::getInterestDays).sum();
            days = (int) Math.max(0, daysOverdue - charged);
            rate = late.yearlyInterestPercent();
            // neither earlier charges (no interest on interest or fees) nor the disputed amount bear interest
            BigDecimal principal = invoice.getOpenAmount()
                    .subtract(invoice.getChargesAmount())
                    .subtract(disputed)
                    .max(BigDecimal.ZERO);
            interest = principal
                    .multiply(rate)
                    .divide(HUNDRED, 10, RoundingMode.HALF_EVEN)
                    .multiply(BigDecimal.valueOf(days))
                    .divide(DAYS_PER_YEAR, 10, RoundingMode.HALF_EVEN);
        }
        BigDecimal none = Amounts.round(BigDecimal.ZERO, currency);
        return new LateCharge(Amounts.round(fee, currency), Amounts.round(interest, currency), rate, days, none, none);
    }

    /** Whether a reminder charges late-payment interest and the recovery fee: the dunning policy's decision. */
    public record Charges(boolean interest, boolean recoveryFee) {

        public static final Charges NONE = new Charges(false, false);
    }

    /**
     * What one reminder charges: the fee, the interest with its yearly rate and the overdue days it covers; for a
     * customer whose late charges are waived, what it would have charged (the days count as covered).
     */
    private record LateCharge(
            BigDecimal fee,
            BigDecimal interest,
            BigDecimal interestRate,
            int interestDays,
            BigDecimal waivedFee,
            BigDecimal waivedInterest) {

        /** Of a charge as computed (nothing waived yet): nothing charged, all of it kept as waived. */
        LateCharge waived() {
            return new LateCharge(waivedFee, waivedInterest, interestRate, interestDays, fee, interest);
        }

        String describe() {
            if (waivedFee.signum() > 0 || waivedInterest.signum() > 0) {
                return "; late charges waived for this customer (recovery fee " + waivedFee + ", interest "
                        + waivedInterest + " not charged)";
            }
            return (fee.signum() > 0 ? "; recovery fee " + fee : "")
                    + (interestRate == null
                            ? ""
                            : "; interest " + interest + " at " + interestRate + " % for " + interestDays + " days");
        }
    }

    @Transactional(readOnly = true)
    public List<Reminder> remindersFor(long invoiceId) {
        return reminders.findByInvoiceIdOrderByLevelAsc(invoiceId);
    }

    @Transactional(readOnly = true)
    public List<OutboxEmail> recentEmails() {
        return outbox.findTop200ByOrderByIdDesc();
    }

    public record OverdueAssessment(
            long invoiceId,
            String invoiceNumber,
            String invoiceStatus,
            /** What may be dunned: open less the unresolved disputed amount. */
            BigDecimal openAmount,
            BigDecimal disputedAmount,
            String currency,
            long daysOverdue,
            int lastLevel,
            String riskClass,
            String customerName,
            String customerEmail) {}

    public record ReminderOutcome(Reminder reminder, boolean sentNow) {}
}
