package dev.o2c.collections.writeoffs;

import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceAdjusted;
import dev.o2c.billing.InvoiceRepository;
import dev.o2c.billing.InvoiceService;
import dev.o2c.credit.AuthorityTable;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.payments.PaymentService;
import dev.o2c.platform.audit.AuditLog;
import dev.o2c.platform.engine.ProcessCommands;
import dev.o2c.platform.money.Currencies;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Write-offs of uncollectable amounts: a collector asks, the write-off-approval process routes the request to who the
 * authority table names, records each decision and posts the approved amount to bad debt (Dr 6800 bad debt expense,
 * Cr 1200 receivable, through {@link InvoiceAdjusted.Kind#WRITE_OFF}). Each step is audited and safe to repeat (jobs
 * are delivered at least once). Small residuals a payment leaves are written off by the system right away.
 */
@Service
public class WriteOffs {

    static final String PROCESS = "write-off-approval";
    static final String ENTITY = "write-off";
    static final String SYSTEM = "system";
    private static final List<WriteOff.Status> OPEN =
            List.of(WriteOff.Status.REQUESTED, WriteOff.Status.AWAITING_SECOND_APPROVAL, WriteOff.Status.APPROVED);

    private final WriteOffRepository writeOffs;
    private final InvoiceService invoices;
    private final InvoiceRepository invoiceRows;
    private final CustomerService customers;
    private final ProcessCommands processes;
    private final AuditLog audit;
    private final WriteOffSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    WriteOffs(
            WriteOffRepository writeOffs,
            InvoiceService invoices,
            InvoiceRepository invoiceRows,
            CustomerService customers,
            ProcessCommands processes,
            AuditLog audit,
            WriteOffSettings settings,
            TransactionTemplate transaction,
            Clock clock) {
        this.writeOffs = writeOffs;
        this.invoices = invoices;
        this.invoiceRows = invoiceRows;
        this.customers = customers;
        this.processes = processes;
        this.audit = audit;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * A collector asks to write {@code amount} off invoice {@code invoiceId}: at most what is open, in the invoice's
     * currency and its minor unit. Starts write-off-approval; 409 while another write-off of the invoice is open. Nothing
     * is written when a check fails.
     */
    public WriteOff request(long invoiceId, BigDecimal amount, String currency, String reason, String actor) {
        Invoice invoice = invoices.get(invoiceId);
        check(invoice, amount, currency);
        Customer customer = customers.get(invoice.getCustomerId());
        WriteOff writeOff;
        try {
            writeOff = transaction.execute(status -> {
                openOf(invoiceId).ifPresent(open -> {
                    throw new IllegalWriteOffTransitionException("invoice " + invoice.getNumber()
                            + " already has write-off " + open.getId() + " open (" + open.getStatus()
                            + "); one at a time");
                });
                WriteOff created = writeOffs.saveAndFlush(new WriteOff(
                        invoiceId,
                        invoice.getCustomerId(),
                        invoice.getCurrency(),
                        amount,
                        reason,
                        actor,
                        clock.instant(),
                        invoice.daysOverdue(LocalDate.now(clock)),
                        customer.riskClass().name()));
                audit.record(
                        actor,
                        "WRITE_OFF_REQUESTED",
                        ENTITY,
                        created.getId(),
                        amount + " " + invoice.getCurrency() + " of " + invoice.getNumber() + " (open "
                                + invoice.getOpenAmount() + ", " + created.getDaysOverdue() + " days overdue)",
                        reason);
                return created;
            });
        } catch (DataIntegrityViolationException e) {
            throw new IllegalWriteOffTransitionException(
                    "invoice " + invoice.getNumber() + " already has a write-off open; one at a time");
        }
        long key;
        try {
            key = processes.start(PROCESS, startVariables(writeOff, invoice, customer));
        } catch (RuntimeException e) {
            long id = writeOff.getId();
            transaction.executeWithoutResult(status -> writeOffs.deleteById(id));
            throw e;
        }
        startedAs(writeOff.getId(), key);
        return get(writeOff.getId());
    }

    /**
     * Records the write-off's approval instance, the first one only. False when the write-off has another instance or
     * is gone (taken back because its start seemed to fail): that instance must end before anyone is asked to approve.
     */
    public boolean startedAs(long writeOffId, long processInstanceKey) {
        // a template, not @Transactional: request and restart call this on the same instance
        return Boolean.TRUE.equals(transaction.execute(status -> writeOffs
                .lockById(writeOffId)
                .map(writeOff -> writeOff.started(processInstanceKey))
                .orElse(false)));
    }

    /** Requested write-offs whose approval never got recorded, requested before {@code before}: for the start sweep. */
    @Transactional(readOnly = true)
    List<WriteOff> unstartedRequestedBefore(Instant before) {
        return writeOffs.findUnstartedRequestedBefore(before);
    }

    /**
     * Starts the approval of a write-off whose first start left no trace (the application stopped between the
     * write-off's commit and the start), audited. The process's first task ends the instance should the first start
     * have got through after all.
     */
    void restart(WriteOff writeOff, String actor) {
        Invoice invoice = invoices.get(writeOff.getInvoiceId());
        Customer customer = customers.get(writeOff.getCustomerId());
        long key = processes.start(PROCESS, startVariables(writeOff, invoice, customer));
        transaction.executeWithoutResult(status -> audit.record(
                actor,
                "WRITE_OFF_PROCESS_RESTARTED",
                ENTITY,
                writeOff.getId(),
                "its approval process had not been recorded; started again",
                null));
        startedAs(writeOff.getId(), key);
    }

    private static void check(Invoice invoice, BigDecimal amount, String currency) {
        if (currency != null && !currency.equals(invoice.getCurrency())) {
            throw new InvalidWriteOffException(
                    "currency", "must be the invoice's currency " + invoice.getCurrency() + ", not " + currency);
        }
        if (amount == null || amount.signum() <= 0) {
            throw new InvalidWriteOffException("amount", "must be more than 0");
        }
        if (!Currencies.hasMinorUnitScale(amount, invoice.getCurrency())) {
            throw new InvalidWriteOffException(
                    "amount",
                    "has more decimals than " + invoice.getCurrency() + " has ("
                            + Currencies.minorUnitDigits(invoice.getCurrency()) + ")");
        }
        if (!invoice.getStatus().isOpen()) {
            throw new InvalidWriteOffException(
                    "amount",
                    "invoice " + invoice.getNumber() + " is " + invoice.getStatus() + ": nothing is open to write off");
        }
        if (amount.compareTo(invoice.getOpenAmount()) > 0) {
            throw new InvalidWriteOffException(
                    "amount",
                    "is more than the " + invoice.getOpenAmount() + " " + invoice.getCurrency() + " open on "
                            + invoice.getNumber());
        }
    }

    private static Map<String, Object> startVariables(WriteOff writeOff, Invoice invoice, Customer customer) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("writeOffId", writeOff.getId());
        variables.put("invoiceId", invoice.getId());
        variables.put("invoiceNumber", invoice.getNumber());
        variables.put("customerId", customer.getId());
        variables.put("customerName", customer.getName());
        variables.put("amount", writeOff.getAmount());
        variables.put("currency", writeOff.getCurrency());
        variables.put("daysOverdue", writeOff.getDaysOverdue());
        variables.put("riskClass", writeOff.getRiskClass());
        variables.put("requestedBy", writeOff.getRequestedBy());
        variables.put("writeOffReason", writeOff.getReason());
        return variables;
    }

    /** Keeps who may approve (the authority table's answer); once: a repeated job changes nothing. */
    @Transactional
    public WriteOff route(long id, AuthorityTable.Required required) {
        WriteOff writeOff = lock(id);
        if (writeOff.getStatus() != WriteOff.Status.REQUESTED || writeOff.getAuthorityGroup() != null) {
            return writeOff;
        }
        writeOff.routeTo(required.group(), required.secondApprover(), required.authority());
        audit.record(
                SYSTEM,
                "WRITE_OFF_ROUTED",
                ENTITY,
                id,
                "needs " + required.group() + (required.secondApprover() ? " and a second approver" : "") + ": "
                        + required.authority(),
                null);
        return writeOff;
    }

    /** The first approver's answer: approved (posted next, or a second approver confirms first) or rejected. */
    @Transactional
    public WriteOff recordDecision(long id, boolean approve, String actor, String comment) {
        WriteOff writeOff = lock(id);
        if (writeOff.getStatus() != WriteOff.Status.REQUESTED) {
            return writeOff; // a redelivered job: the decision is recorded already
        }
        Instant now = clock.instant();
        if (approve) {
            writeOff.approve(actor, now, comment);
            boolean second = writeOff.getStatus() == WriteOff.Status.AWAITING_SECOND_APPROVAL;
            audit.record(
                    actor,
                    second ? "WRITE_OFF_FIRST_APPROVAL" : "WRITE_OFF_APPROVED",
                    ENTITY,
                    id,
                    writeOff.getAmount() + " " + writeOff.getCurrency() + " as " + writeOff.getAuthorityGroup()
                            + (second ? "; a second approver must confirm" : ""),
                    comment);
        } else {
            writeOff.reject(actor, now, comment);
            audit.record(actor, "WRITE_OFF_REJECTED", ENTITY, id, "rejected by the approver", comment);
        }
        return writeOff;
    }

    /** The second approver confirms (posted next) or rejects. */
    @Transactional
    public WriteOff recordSecondApproval(long id, boolean confirm, String actor, String comment) {
        WriteOff writeOff = lock(id);
        if (writeOff.getStatus() != WriteOff.Status.AWAITING_SECOND_APPROVAL) {
            return writeOff; // a redelivered job
        }
        Instant now = clock.instant();
        if (confirm) {
            writeOff.confirm(actor, now, comment);
            audit.record(
                    actor,
                    "WRITE_OFF_APPROVED",
                    ENTITY,
                    id,
                    "second approval of " + writeOff.getAmount() + " " + writeOff.getCurrency() + " (first: "
                            + writeOff.getApprovedBy() + ")",
                    comment);
        } else {
            writeOff.reject(actor, now, comment);
            audit.record(actor, "WRITE_OFF_REJECTED", ENTITY, id, "rejected by the second approver", comment);
        }
        return writeOff;
    }

    /**
     * Posts an approved write-off: the invoice's open amount falls by it (never below zero: a payment that came in
     * meanwhile is respected) and the ledger books bad debt. An invoice paid in full meanwhile leaves nothing to post
     * (CANCELED). Once: a posted write-off is not posted again.
     */
    @Transactional
    public WriteOff post(long id) {
        WriteOff writeOff = lock(id);
        if (writeOff.getStatus() == WriteOff.Status.POSTED || writeOff.getStatus() == WriteOff.Status.CANCELED) {
            return writeOff;
        }
        Invoice invoice = invoiceRows
                .lockById(writeOff.getInvoiceId())
                .orElseThrow(() -> new WriteOffNotFoundException(writeOff.getId()));
        if (!invoice.getStatus().isOpen()) {
            writeOff.cancel(clock.instant());
            audit.record(
                    SYSTEM,
                    "WRITE_OFF_CANCELED",
                    ENTITY,
                    id,
                    invoice.getNumber() + " was paid in full meanwhile; nothing written off",
                    null);
            return writeOff;
        }
        String approver =
                writeOff.getSecondApprovedBy() != null ? writeOff.getSecondApprovedBy() : writeOff.getApprovedBy();
        writeOffOf(invoice, writeOff, writeOff.getAmount().min(invoice.getOpenAmount()), approver);
        return writeOff;
    }

    /** Something is open, and no more than the system writes off without asking anyone. */
    boolean isResidual(BigDecimal open, String currency) {
        return open.signum() > 0 && open.compareTo(settings.autoToleranceFor(currency)) <= 0;
    }

    /**
     * After a payment: what it left open on the invoice, when more than zero and no more than the configured tolerance,
     * is written off by the system (audited, actor "system"). Runs inside the payment's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<WriteOff> writeOffResidual(long invoiceId) {
        Invoice invoice = invoiceRows.lockById(invoiceId).orElseThrow();
        BigDecimal open = invoice.getOpenAmount();
        BigDecimal tolerance = settings.autoToleranceFor(invoice.getCurrency());
        if (!invoice.getStatus().isOpen() || !isResidual(open, invoice.getCurrency())) {
            return Optional.empty();
        }
        Customer customer = customers.get(invoice.getCustomerId());
        WriteOff writeOff = WriteOff.automatic(
                invoiceId,
                invoice.getCustomerId(),
                invoice.getCurrency(),
                open,
                "residual of " + open + " " + invoice.getCurrency() + " after a payment, within the tolerance of "
                        + tolerance,
                clock.instant(),
                invoice.daysOverdue(LocalDate.now(clock)),
                customer.riskClass().name());
        return Optional.of(writeOffOf(invoice, writeOff, open, SYSTEM));
    }

    private WriteOff writeOffOf(Invoice invoice, WriteOff writeOff, BigDecimal amount, String actor) {
        invoices.writeOff(invoice, amount, writeOff.isAutomatic(), actor, writeOff.getReason());
        writeOff.posted(amount, clock.instant());
        WriteOff stored = writeOffs.saveAndFlush(writeOff);
        audit.record(
                actor,
                "WRITE_OFF_POSTED",
                ENTITY,
                stored.getId(),
                amount + " " + invoice.getCurrency() + " of " + invoice.getNumber() + " to bad debt, open now "
                        + invoice.getOpenAmount() + (stored.isAutomatic() ? " (automatic: small residual)" : ""),
                stored.getReason());
        // the invoice's collection process hears of it like of a payment: closed, or with less open
        processes.publishAfterCommit(
                PaymentService.PAYMENT_RECEIVED,
                invoice.getNumber(),
                "write-off-" + stored.getId(),
                Map.of("invoiceStatus", invoice.getStatus().name(), "openAmount", invoice.getOpenAmount()));
        return stored;
    }

    @Transactional(readOnly = true)
    public WriteOff get(long id) {
        return writeOffs.findById(id).orElseThrow(() -> new WriteOffNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public List<WriteOff> forInvoice(long invoiceId) {
        invoices.get(invoiceId);
        return writeOffs.findByInvoiceIdOrderByIdAsc(invoiceId);
    }

    /** The latest 200 write-offs, newest first; {@code automatic} narrows to the system's (or the approved) ones. */
    @Transactional(readOnly = true)
    public List<WriteOff> recent(Boolean automatic) {
        return automatic == null
                ? writeOffs.findTop200ByOrderByIdDesc()
                : writeOffs.findTop200ByAutomaticOrderByIdDesc(automatic);
    }

    private Optional<WriteOff> openOf(long invoiceId) {
        return writeOffs.findFirstByInvoiceIdAndStatusIn(invoiceId, OPEN);
    }

    private WriteOff lock(long id) {
        return writeOffs.lockById(id).orElseThrow(() -> new WriteOffNotFoundException(id));
    }
}
