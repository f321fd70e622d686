package dev.o2c.workspace;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.o2c.billing.CreditNoteView;
import dev.o2c.billing.CreditNotes;
import dev.o2c.billing.CustomerCredits;
import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceService;
import dev.o2c.billing.InvoiceView;
import dev.o2c.billing.ReceivableFigures;
import dev.o2c.collections.PromiseView;
import dev.o2c.collections.PromisesToPay;
import dev.o2c.collections.disputes.Dispute;
import dev.o2c.collections.disputes.DisputeViews;
import dev.o2c.collections.disputes.Disputes;
import dev.o2c.credit.CreditExposure;
import dev.o2c.credit.LatestCreditScore;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.CustomerView;
import dev.o2c.payments.Payment;
import dev.o2c.payments.PaymentService;
import dev.o2c.platform.audit.AuditRepository;
import dev.o2c.platform.audit.AuditView;
import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskInbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One customer's account as AR and credit staff read it: what the customer owes and may still draw, the open items,
 * the credit notes and how each was split, the payments and what they were applied to, the unresolved disputes, the
 * promises, the limit changes and the audit trail. Read only; every figure comes from the module that owns it
 * (exposure from credit, days overdue from the invoice, the split of a credit note from billing).
 */
@RestController
@RequestMapping("/api/customer-accounts")
@Allowed({Groups.CREDIT_ANALYSTS, Groups.CREDIT_MANAGERS, Groups.COLLECTORS, Groups.AR_CLERKS})
class CustomerAccountController {

    /** Who sees the credit score: the readers of GET /api/customers/{id}/score. */
    static final List<String> SCORE_READERS = List.of(Groups.CREDIT_ANALYSTS, Groups.CREDIT_MANAGERS);

    static final int RECENT_PAYMENTS = 10;
    static final int RECENT_PROMISES = 20;
    static final int RECENT_LIMIT_CHANGES = 10;
    static final int RECENT_AUDIT_RECORDS = 50;
    static final String LIMIT_CHANGED = "CREDIT_LIMIT_CHANGED";

    private final CustomerService customers;
    private final CreditExposure exposure;
    private final LatestCreditScore scores;
    private final InvoiceService invoices;
    private final ReceivableFigures receivables;
    private final CreditNotes creditNotes;
    private final CustomerCredits customerCredits;
    private final PaymentService payments;
    private final Disputes disputes;
    private final DisputeViews disputeViews;
    private final PromisesToPay promises;
    private final TaskInbox tasks;
    private final AuditRepository audit;
    private final Clock clock;

    CustomerAccountController(
            CustomerService customers,
            CreditExposure exposure,
            LatestCreditScore scores,
            InvoiceService invoices,
            ReceivableFigures receivables,
            CreditNotes creditNotes,
            CustomerCredits customerCredits,
            PaymentService payments,
            Disputes disputes,
            DisputeViews disputeViews,
            PromisesToPay promises,
            TaskInbox tasks,
            AuditRepository audit,
            Clock clock) {
        this.customers = customers;
        this.exposure = exposure;
        this.scores = scores;
        this.invoices = invoices;
        this.receivables = receivables;
        this.creditNotes = creditNotes;
        this.customerCredits = customerCredits;
        this.payments = payments;
        this.disputes = disputes;
        this.disputeViews = disputeViews;
        this.promises = promises;
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Every customer with its credit position: limit, exposure, what is open and what of it is overdue (in the
     * customer's currency, which its orders and invoices are in). Three grouped queries, whatever the number of
     * customers.
     */
    @GetMapping
    List<AccountRow> list() {
        Map<Long, BigDecimal> overdue = new HashMap<>();
        receivables
                .overdueByCustomer(LocalDate.now(clock))
                .forEach(group -> overdue.merge(group.customerId(), group.amount(), BigDecimal::add));
        return exposure.everyCustomer().stream()
                .map(use -> {
                    Customer customer = use.customer();
                    return new AccountRow(
                            customer.getId(),
                            customer.getName(),
                            customer.getCurrency(),
                            customer.riskClass().name(),
                            customer.getCreditLimit(),
                            use.exposure(),
                            customer.getCreditLimit().subtract(use.exposure()),
                            use.openInvoices(),
                            overdue.getOrDefault(customer.getId(), BigDecimal.ZERO),
                            customer.isOnCreditHold());
                })
                .toList();
    }

    @GetMapping("/{id}")
    Account get(@PathVariable long id) {
        Customer customer = customers.get(id); // 404 for an unknown customer, before anything else is read
        CurrentUser user = CurrentUser.get();
        LocalDate today = LocalDate.now(clock);
        List<Invoice> all = invoices.search(id, null);
        Map<Long, String> numbers = all.stream().collect(Collectors.toMap(Invoice::getId, Invoice::getNumber));
        Set<String> invoiceNumbers = Set.copyOf(numbers.values());
        List<Dispute> unresolved = disputes.unresolvedOf(id);
        Map<Long, Long> disputeOf = unresolved.stream()
                .collect(Collectors.toMap(Dispute::getInvoiceId, Dispute::getId, (first, later) -> first));
        // the open tasks of the user's groups on the customer's invoices: an invoice's tasks (collection follow-up,
        // dispute, write-off) carry its number as their business key, and invoice numbers are unique
        Map<String, Long> taskOf = tasks.openFor(user).stream()
                .filter(task -> task.getBusinessKey() != null && invoiceNumbers.contains(task.getBusinessKey()))
                .collect(Collectors.toMap(HumanTask::getBusinessKey, HumanTask::getJobKey, (first, later) -> first));

        List<OpenItem> openItems = all.stream()
                .filter(invoice -> invoice.getStatus().isOpen())
                .sorted(Comparator.comparing(Invoice::getDueDate).thenComparing(Invoice::getId))
                .map(invoice -> new OpenItem(
                        InvoiceView.of(invoice),
                        invoice.daysOverdue(today),
                        disputeOf.get(invoice.getId()),
                        taskOf.get(invoice.getNumber())))
                .toList();
        List<CreditNoteLine> notes = creditNotes.forCustomer(id).stream()
                .map(note -> new CreditNoteLine(CreditNoteView.of(note), numbers.get(note.getInvoiceId())))
                .toList();
        List<PaymentLine> recentPayments = payments.recentOf(id, RECENT_PAYMENTS).stream()
                .map(payment -> PaymentLine.of(payment, payments, numbers::get))
                .toList();
        Map<String, BigDecimal> unapplied = payments.unappliedByCurrencyOf(id);
        List<AuditView> trail = audit.trailOf("customer", String.valueOf(id)).reversed().stream()
                .map(AuditView::of)
                .toList();
        BigDecimal current = exposure.of(id);
        return new Account(
                CustomerView.of(customer),
                current,
                customer.getCreditLimit().subtract(current),
                user.inAnyGroup(SCORE_READERS) ? scores.of(id).orElse(null) : null,
                openItems,
                notes,
                recentPayments,
                unapplied,
                customerCredits.availableFor(id),
                CollectionCaseController.UnresolvedDisputes.of(customer.getCurrency(), unresolved, disputeViews),
                promises.ofCustomer(id).stream()
                        .limit(RECENT_PROMISES)
                        .map(PromiseView::of)
                        .toList(),
                trail.stream()
                        .filter(entry -> entry.action().equals(LIMIT_CHANGED))
                        .limit(RECENT_LIMIT_CHANGES)
                        .toList(),
                trail.stream().limit(RECENT_AUDIT_RECORDS).toList());
    }

    /** A customer in the list; amounts in {@code currency}. */
    record AccountRow(
            long id,
            String name,
            String currency,
            String riskClass,
            BigDecimal creditLimit,
            BigDecimal exposure,
            BigDecimal availableCredit,
            BigDecimal openAmount,
            BigDecimal overdueAmount,
            boolean onCreditHold) {}

    /**
     * The account. {@code score}: the latest credit score with its factors, for credit analysts and managers only
     * (null for others and for a customer never scored). {@code payments}: the latest ten, newest first;
     * {@code unappliedPayments}: money received and not applied to invoices, per currency; {@code customerCredit}:
     * what credit notes left owed back to the customer and not yet used, per currency. {@code auditTrail}: the
     * customer's latest fifty audit records, newest first; {@code limitChanges}: its last ten limit changes.
     */
    record Account(
            CustomerView customer,
            BigDecimal exposure,
            BigDecimal availableCredit,
            LatestCreditScore.Score score,
            List<OpenItem> openItems,
            List<CreditNoteLine> creditNotes,
            List<PaymentLine> payments,
            Map<String, BigDecimal> unappliedPayments,
            Map<String, BigDecimal> customerCredit,
            CollectionCaseController.UnresolvedDisputes disputes,
            List<PromiseView> promises,
            List<AuditView> limitChanges,
            List<AuditView> auditTrail) {}

    /**
     * An open invoice with its days overdue today; {@code disputeId}: its unresolved dispute (GET /api/disputes/{id}),
     * {@code taskId}: the caller's open task on it (GET /api/tasks/{id}), each null when there is none.
     */
    record OpenItem(@JsonUnwrapped InvoiceView invoice, long daysOverdue, Long disputeId, Long taskId) {}

    record CreditNoteLine(@JsonUnwrapped CreditNoteView creditNote, String invoiceNumber) {}

    record PaymentLine(
            long id,
            LocalDate valueDate,
            BigDecimal amount,
            String currency,
            String reference,
            BigDecimal unappliedAmount,
            String postedBy,
            Instant postedAt,
            List<Applied> appliedTo) {

        static PaymentLine of(Payment payment, PaymentService payments, Function<Long, String> invoiceNumbers) {
            return new PaymentLine(
                    payment.getId(),
                    payment.getValueDate(),
                    payment.getAmount(),
                    payment.getCurrency(),
                    payment.getReference(),
                    payment.getUnappliedAmount(),
                    payment.getPostedBy(),
                    payment.getPostedAt(),
                    payments.allocationsOf(payment.getId()).stream()
                            .map(a -> new Applied(
                                    a.getInvoiceId(), invoiceNumbers.apply(a.getInvoiceId()), a.getAmount()))
                            .toList());
        }
    }

    record Applied(long invoiceId, String invoiceNumber, BigDecimal amount) {}
}
