package dev.o2c.collections.disputes;

import dev.o2c.billing.CreditNotes;
import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceService;
import dev.o2c.collections.Outbox;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.documents.CustomerMails;
import dev.o2c.documents.Mail;
import dev.o2c.platform.audit.AuditLog;
import dev.o2c.platform.money.Currencies;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disputes on invoices: opening one (at most one unresolved per invoice, never more than is open), and the steps of its
 * resolution, each idempotent because the process's jobs may be delivered twice. Accepting issues a credit note (the
 * dispute's id is its request key, so never two); rejecting tells the customer by e-mail through the outbox.
 */
@Service
public class Disputes {

    static final String ENTITY = "dispute";

    private final DisputeRepository disputes;
    private final InvoiceService invoices;
    private final CreditNotes creditNotes;
    private final CustomerService customers;
    private final Outbox outbox;
    private final CustomerMails mails;
    private final AuditLog audit;
    private final Clock clock;

    Disputes(
            DisputeRepository disputes,
            InvoiceService invoices,
            CreditNotes creditNotes,
            CustomerService customers,
            Outbox outbox,
            CustomerMails mails,
            AuditLog audit,
            Clock clock) {
        this.disputes = disputes;
        this.invoices = invoices;
        this.creditNotes = creditNotes;
        this.customers = customers;
        this.outbox = outbox;
        this.mails = mails;
        this.audit = audit;
        this.clock = clock;
    }

    /** A dispute as asked for; no amount means all that can be disputed. */
    public record NewDispute(long invoiceId, BigDecimal amount, DisputeReason reasonCode, String comment) {}

    /** Writes the dispute (OPEN); its process is started by {@link DisputeIntake} once this has committed. */
    @Transactional
    Dispute register(NewDispute request, String actor) {
        Invoice invoice = invoices.get(request.invoiceId());
        if (request.reasonCode() == null) {
            throw new InvalidDisputeException("reasonCode", "is required");
        }
        checkDisputable(invoice);
        // a dispute ends in a credit note at most: no more than is open, nor than credit notes may still take off
        BigDecimal disputable = invoice.getOpenAmount().min(creditNotes.creditableAmount(invoice.getId()));
        BigDecimal amount = request.amount() == null ? disputable : request.amount();
        if (amount.signum() <= 0) {
            throw new InvalidDisputeException("amount", "must be more than 0");
        }
        if (!Currencies.hasMinorUnitScale(amount, invoice.getCurrency())) {
            throw new InvalidDisputeException("amount", "has more decimals than " + invoice.getCurrency() + " allows");
        }
        if (amount.compareTo(disputable) > 0) {
            throw new InvalidDisputeException(
                    "amount",
                    "at most " + disputable + " " + invoice.getCurrency() + " of invoice " + invoice.getNumber()
                            + " can be disputed (open " + invoice.getOpenAmount()
                            + "; dunning charges are not credited)");
        }
        Dispute dispute = disputes.save(new Dispute(
                invoice.getId(),
                invoice.getNumber(),
                invoice.getCustomerId(),
                invoice.getCurrency(),
                amount,
                request.reasonCode(),
                request.comment(),
                actor,
                clock.instant()));
        audit.record(
                actor,
                "DISPUTE_OPENED",
                ENTITY,
                dispute.getId(),
                "invoice " + invoice.getNumber() + ": " + amount + " " + invoice.getCurrency() + " disputed, reason "
                        + request.reasonCode(),
                request.comment());
        return dispute;
    }

    /** The invoice can take a dispute: open, and none unresolved on it yet (refused naming invoiceId). */
    @Transactional(readOnly = true)
    void checkDisputable(long invoiceId) {
        checkDisputable(invoices.get(invoiceId));
    }

    private void checkDisputable(Invoice invoice) {
        if (!invoice.getStatus().isOpen() || invoice.getOpenAmount().signum() == 0) {
            throw new InvalidDisputeException(
                    "invoiceId", "invoice " + invoice.getNumber() + " is paid: nothing is left to dispute");
        }
        disputes.findByInvoiceIdOrderByIdDesc(invoice.getId()).stream()
                .filter(dispute -> dispute.getStatus().isUnresolved())
                .findFirst()
                .ifPresent(dispute -> {
                    throw new InvalidDisputeException(
                            "invoiceId",
                            "invoice " + invoice.getNumber() + " already has an unresolved dispute (" + dispute.getId()
                                    + "); resolve it first");
                });
    }

    /**
     * Records the dispute's process instance, the first one only (see {@link Dispute#startedAs}). False when the dispute
     * has another instance or was withdrawn: that instance must end before it routes the dispute.
     */
    @Transactional
    public boolean startedAs(long disputeId, long processInstanceKey) {
        return lock(disputeId).startedAs(processInstanceKey);
    }

    /** Open disputes whose process never got recorded, opened before {@code before}: for the start sweep. */
    @Transactional(readOnly = true)
    List<Dispute> unstartedOpenedBefore(Instant before) {
        return disputes.findUnstartedOpenedBefore(before);
    }

    /** The sweep is starting the process of a dispute whose first start left no trace: audited. */
    @Transactional
    void restarting(long disputeId) {
        audit.record(
                DisputeIntake.SWEEP_ACTOR,
                "DISPUTE_PROCESS_RESTARTED",
                ENTITY,
                disputeId,
                "its process had not been recorded; started again",
                null);
    }

    /** The engine refused to start the dispute's process: the dispute is taken back, audited. */
    @Transactional
    void cancelUnstarted(long disputeId, String actor, String error) {
        Dispute dispute = lock(disputeId);
        dispute.cancel(actor, clock.instant());
        audit.record(actor, "DISPUTE_CANCELLED", ENTITY, disputeId, "its process could not be started", error);
    }

    @Transactional(readOnly = true)
    public Dispute get(long disputeId) {
        return disputes.findById(disputeId).orElseThrow(() -> new DisputeNotFoundException(disputeId));
    }

    @Transactional(readOnly = true)
    public List<Dispute> search(DisputeStatus status, Long customerId) {
        return disputes.search(status, customerId);
    }

    @Transactional(readOnly = true)
    public List<Dispute> forInvoice(long invoiceId) {
        return disputes.findByInvoiceIdOrderByIdDesc(invoiceId);
    }

    /** What is disputed and not resolved yet on the invoice: dunning leaves it alone. */
    @Transactional(readOnly = true)
    public BigDecimal unresolvedAmount(long invoiceId) {
        return disputes.unresolvedAmount(invoiceId);
    }

    /** A customer's unresolved disputes (OPEN or ESCALATED), oldest first. */
    @Transactional(readOnly = true)
    public List<Dispute> unresolvedOf(long customerId) {
        return disputes.unresolvedOf(customerId);
    }

    /**
     * Unresolved disputes added up per currency, status and age (days since opened, on the application clock): one
     * row per combination that has any, in currency, status and age order.
     */
    @Transactional(readOnly = true)
    public List<UnresolvedDisputeFigure> unresolvedFigures() {
        Instant now = clock.instant();
        Map<UnresolvedDisputeFigure.Key, UnresolvedDisputeFigure> figures = new TreeMap<>();
        for (Object[] row : disputes.unresolvedFacts()) {
            long days = Math.max(0, Duration.between((Instant) row[2], now).toDays());
            var key = new UnresolvedDisputeFigure.Key(
                    (String) row[0], (DisputeStatus) row[1], UnresolvedDisputeFigure.Age.of(days));
            figures.merge(
                    key,
                    new UnresolvedDisputeFigure(key.currency(), key.status(), key.age(), 1, (BigDecimal) row[3]),
                    UnresolvedDisputeFigure::plus);
        }
        return List.copyOf(figures.values());
    }

    /**
     * Whether a resolver's answer can be carried out: an accepted part between 0.01 and the disputed amount, a reason
     * for a rejection, and the dispute still unresolved. Checked before the task's job is completed, and again by
     * the step that carries it out.
     */
    @Transactional(readOnly = true)
    public void checkResolution(
            long disputeId, DisputeOutcome outcome, BigDecimal acceptedAmount, String rejectionReason) {
        check(get(disputeId), outcome, acceptedAmount, rejectionReason);
    }

    /** SLA missed: OPEN -> ESCALATED. A second call (redelivered job) changes nothing. */
    @Transactional
    public Dispute escalate(long disputeId) {
        Dispute dispute = lock(disputeId);
        if (dispute.getStatus() == DisputeStatus.ESCALATED) {
            return dispute;
        }
        dispute.escalate();
        audit.record(
                "system",
                "DISPUTE_ESCALATED",
                ENTITY,
                disputeId,
                "not resolved within its SLA; credit managers decide",
                null);
        return dispute;
    }

    /**
     * Accepts the dispute in full or in part and issues the credit note for the accepted amount, in one transaction.
     * A second call (redelivered job) finds the dispute accepted and issues nothing.
     */
    @Transactional
    public Dispute accept(
            long disputeId, DisputeOutcome outcome, BigDecimal acceptedAmount, String actor, String note) {
        Dispute dispute = lock(disputeId);
        if (dispute.getStatus() == DisputeStatus.ACCEPTED || dispute.getStatus() == DisputeStatus.PARTIALLY_ACCEPTED) {
            return dispute;
        }
        check(dispute, outcome, acceptedAmount, null);
        if (outcome == DisputeOutcome.REJECT) {
            throw new InvalidDisputeException("disputeOutcome", "a rejection issues no credit note");
        }
        BigDecimal accepted = outcome == DisputeOutcome.ACCEPT_FULL ? dispute.getAmount() : acceptedAmount;
        var issued = creditNotes.issue(
                new CreditNotes.NewCreditNote(
                        dispute.getInvoiceId(),
                        accepted,
                        "dispute " + disputeId + " (" + dispute.getReasonCode() + ") accepted",
                        "dispute-" + disputeId),
                actor);
        dispute.accept(accepted, issued.creditNote().getId(), actor, clock.instant());
        audit.record(
                actor,
                "DISPUTE_" + dispute.getStatus(),
                ENTITY,
                disputeId,
                accepted + " " + dispute.getCurrency() + " of " + dispute.getAmount() + " accepted, credit note "
                        + issued.creditNote().getNumber(),
                note);
        return dispute;
    }

    /**
     * Rejects the dispute: the reason is kept and e-mailed to the customer through the outbox (once: the outbox's
     * dedup key). Dunning of the disputed amount resumes at the invoice's next check.
     */
    @Transactional
    public Dispute reject(long disputeId, String reason, String actor, String note) {
        Dispute dispute = lock(disputeId);
        if (dispute.getStatus() == DisputeStatus.REJECTED) {
            return dispute;
        }
        check(dispute, DisputeOutcome.REJECT, null, reason);
        dispute.reject(reason.strip(), actor, clock.instant());
        Customer customer = customers.get(dispute.getCustomerId());
        Mail mail = mails.disputeRejected(
                customer.getId(),
                dispute.getInvoiceNumber(),
                dispute.getAmount(),
                dispute.getCurrency(),
                dispute.getReasonCode().name(),
                dispute.getRejectionReason());
        outbox.write(customer.getEmail(), mail.subject(), mail.body(), "dispute-rejected-" + disputeId);
        audit.record(
                actor,
                "DISPUTE_REJECTED",
                ENTITY,
                disputeId,
                "rejected, customer told by e-mail (" + customer.getEmail() + ", " + mail.language() + "): "
                        + dispute.getRejectionReason(),
                note);
        return dispute;
    }

    private static void check(
            Dispute dispute, DisputeOutcome outcome, BigDecimal acceptedAmount, String rejectionReason) {
        if (!dispute.getStatus().isUnresolved()) {
            throw new IllegalDisputeTransitionException(
                    "dispute " + dispute.getId() + " is already " + dispute.getStatus());
        }
        if (outcome == null) {
            throw new InvalidDisputeException("disputeOutcome", "is required");
        }
        if (outcome == DisputeOutcome.ACCEPT_PART) {
            if (acceptedAmount == null || acceptedAmount.signum() <= 0) {
                throw new InvalidDisputeException("acceptedAmount", "accepting in part needs the accepted amount");
            }
            if (acceptedAmount.compareTo(dispute.getAmount()) > 0) {
                throw new InvalidDisputeException(
                        "acceptedAmount",
                        "at most the disputed amount, " + dispute.getAmount() + " " + dispute.getCurrency());
            }
            if (!Currencies.hasMinorUnitScale(acceptedAmount, dispute.getCurrency())) {
                throw new InvalidDisputeException(
                        "acceptedAmount", "has more decimals than " + dispute.getCurrency() + " allows");
            }
        }
        if (outcome == DisputeOutcome.REJECT && (rejectionReason == null || rejectionReason.isBlank())) {
            throw new InvalidDisputeException("rejectionReason", "a rejection needs a reason for the customer");
        }
    }

    private Dispute lock(long disputeId) {
        return disputes.lockById(disputeId).orElseThrow(() -> new DisputeNotFoundException(disputeId));
    }
}
