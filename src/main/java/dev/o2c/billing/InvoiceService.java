package dev.o2c.billing;

import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.PaymentTerms;
import dev.o2c.orders.OrderService;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.platform.audit.AuditLog;
import dev.o2c.platform.engine.ProcessCommands;
import dev.o2c.platform.money.Amounts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class InvoiceService {

    static final String ENTITY = "invoice";

    /** The message invoice-collection waits on: a payment, or a document that settles part of the invoice. */
    static final String INVOICE_SETTLED_MESSAGE = "payment-received";

    private final InvoiceRepository invoices;
    private final InvoiceNumbers numbers;
    private final OrderService orders;
    private final CustomerService customers;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ProcessCommands processes;
    private final Clock clock;

    InvoiceService(
            InvoiceRepository invoices,
            InvoiceNumbers numbers,
            OrderService orders,
            CustomerService customers,
            AuditLog audit,
            ApplicationEventPublisher events,
            ProcessCommands processes,
            Clock clock) {
        this.invoices = invoices;
        this.numbers = numbers;
        this.orders = orders;
        this.customers = customers;
        this.audit = audit;
        this.events = events;
        this.processes = processes;
        this.clock = clock;
    }

    /** One invoice per order: asking again returns the invoice already issued. */
    @Transactional
    public Invoice issueFor(long orderId) {
        return invoices.findByOrderId(orderId).orElseGet(() -> issue(orders.get(orderId)));
    }

    private Invoice issue(SalesOrder order) {
        if (order.getStatus() != OrderStatus.SHIPPED) {
            throw new IllegalInvoiceTransitionException(
                    "order " + order.getId() + " is " + order.getStatus() + "; only shipped orders are invoiced");
        }
        Customer customer = customers.get(order.getCustomerId());
        PaymentTerms terms = customer.paymentTerms();
        LocalDate today = LocalDate.now(clock);
        BigDecimal net = order.getTotalAmount();
        BigDecimal tax = Amounts.round(net.multiply(customer.getTaxRate()), order.getCurrency());
        Invoice invoice = invoices.save(new Invoice(
                numbers.next(today.getYear()),
                customer.getId(),
                order.getId(),
                order.getCurrency(),
                today,
                terms.dueDate(today),
                terms.discountDate(today).orElse(null),
                terms.discountRate(),
                net,
                tax));
        orders.markInvoiced(order.getId(), invoice.getNumber());
        audit.record(
                "system",
                "INVOICE_ISSUED",
                ENTITY,
                invoice.getId(),
                invoice.getNumber() + " total " + invoice.getTotalAmount() + " " + invoice.getCurrency() + " due "
                        + invoice.getDueDate(),
                null);
        events.publishEvent(new InvoiceIssued(invoice.getId()));
        return invoice;
    }

    @Transactional(readOnly = true)
    public Invoice get(long invoiceId) {
        return invoices.findById(invoiceId).orElseThrow(() -> new InvoiceNotFoundException("invoice", invoiceId));
    }

    /** What one customer still owes on invoices. */
    @Transactional(readOnly = true)
    public BigDecimal openAmountFor(long customerId) {
        return invoices.openAmountFor(customerId);
    }

    /** The invoice issued for an order, if it has been invoiced (one invoice per order). */
    @Transactional(readOnly = true)
    public Optional<Invoice> forOrder(long orderId) {
        return invoices.findByOrderId(orderId);
    }

    /** The customer's invoices not paid yet, the earliest due first. */
    @Transactional(readOnly = true)
    public List<Invoice> openFor(long customerId) {
        return invoices.findOpenByCustomer(customerId);
    }

    @Transactional(readOnly = true)
    public List<Invoice> search(Long customerId, InvoiceStatus status) {
        return invoices.search(customerId, status);
    }

    /** Dunning charges raise what is owed; they are audited like any posting. */
    @Transactional
    public Invoice addDunningCharges(long invoiceId, int level, BigDecimal fee, BigDecimal interest) {
        Invoice invoice = lock(invoiceId);
        BigDecimal charges = fee.add(interest);
        if (charges.signum() > 0) {
            invoice.addCharges(charges);
            audit.record(
                    "system",
                    "DUNNING_CHARGES_ADDED",
                    ENTITY,
                    invoiceId,
                    "level " + level + ": fee " + fee + ", interest " + interest + " " + invoice.getCurrency(),
                    null);
            events.publishEvent(new DunningChargesAdded(invoiceId, level, fee, interest));
        }
        invoice.raiseDunningLevel(level);
        return invoice;
    }

    @Transactional
    public Invoice recordPromise(long invoiceId, LocalDate promisedDate, String actor, String note) {
        Invoice invoice = lock(invoiceId);
        invoice.promisePaymentBy(promisedDate);
        audit.record(actor, "PROMISE_TO_PAY", ENTITY, invoiceId, "customer promised payment by " + promisedDate, note);
        events.publishEvent(new PromiseToPayRecorded(
                invoiceId,
                invoice.getCustomerId(),
                promisedDate,
                invoice.getOpenAmount(),
                invoice.getChargesAmount(),
                invoice.getCurrency(),
                actor));
        return invoice;
    }

    /**
     * Applies part of a payment with value date {@code valueDate}; called by payment posting inside its transaction.
     * The value date becomes the invoice's paid-on date when this closes it (days beyond terms are measured to it).
     */
    @Transactional
    public Invoice applyPayment(Invoice invoice, BigDecimal amount, LocalDate valueDate) {
        invoice.applyPayment(amount, valueDate);
        return invoice;
    }

    /**
     * Settles part of an invoice without money (discount or deduction), inside the caller's posting transaction.
     * Publishes {@link InvoiceAdjusted} for the ledger.
     */
    @Transactional
    public Invoice adjust(Invoice invoice, InvoiceAdjusted.Kind kind, BigDecimal amount, String actor, String reason) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("an adjustment must be positive");
        }
        if (kind == InvoiceAdjusted.Kind.CREDIT_NOTE) {
            throw new IllegalArgumentException("credit notes are issued by CreditNotes, with their number and VAT");
        }
        if (kind == InvoiceAdjusted.Kind.WRITE_OFF) {
            throw new IllegalArgumentException(
                    "write-offs go through writeOff, which knows how they close the invoice");
        }
        if (kind == InvoiceAdjusted.Kind.DISCOUNT) {
            invoice.allowDiscount(amount, LocalDate.now(clock));
        } else {
            invoice.acceptDeduction(amount, LocalDate.now(clock));
        }
        return adjusted(invoice, kind, amount, actor, reason);
    }

    /**
     * Writes off part of an invoice as bad debt, inside the caller's posting transaction. An approved write-off that
     * closes the invoice leaves it WRITTEN_OFF; a small {@code residual} the system writes off after a payment leaves
     * it PAID. Publishes {@link InvoiceAdjusted} (kind WRITE_OFF) for the ledger.
     */
    @Transactional
    public Invoice writeOff(Invoice invoice, BigDecimal amount, boolean residual, String actor, String reason) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a write-off must be positive");
        }
        invoice.writeOff(amount, LocalDate.now(clock), residual);
        return adjusted(invoice, InvoiceAdjusted.Kind.WRITE_OFF, amount, actor, reason);
    }

    private Invoice adjusted(
            Invoice invoice, InvoiceAdjusted.Kind kind, BigDecimal amount, String actor, String reason) {
        audit.record(
                actor,
                "INVOICE_" + kind,
                ENTITY,
                invoice.getId(),
                kind + " of " + amount + " " + invoice.getCurrency() + ", open now " + invoice.getOpenAmount(),
                reason);
        events.publishEvent(new InvoiceAdjusted(invoice.getId(), kind, amount));
        return invoice;
    }

    /**
     * Settles part of an invoice by a billing document without money (a credit note, applied customer credit), inside
     * the caller's transaction, and tells the invoice's collection process as a payment would: closed (the process
     * ends) or with less open. The message id names the document, so a repeated publish is a no-op in the engine.
     */
    void settleByDocument(Invoice invoice, BigDecimal amount, String messageId) {
        invoice.adjust(amount, LocalDate.now(clock));
        processes.publishAfterCommit(
                INVOICE_SETTLED_MESSAGE,
                invoice.getNumber(),
                messageId,
                Map.of("invoiceStatus", invoice.getStatus().name(), "openAmount", invoice.getOpenAmount()));
    }

    Invoice lock(long invoiceId) {
        return invoices.lockById(invoiceId).orElseThrow(() -> new InvoiceNotFoundException("invoice", invoiceId));
    }

    /**
     * How the customer paid in the twelve months up to {@code today} (recent: the last three of them), for credit
     * scoring. One aggregate query over this customer's invoices.
     */
    @Transactional(readOnly = true)
    public PaymentBehaviour paymentBehaviour(long customerId, LocalDate today) {
        LocalDate since = today.minusMonths(12);
        LocalDate recentSince = today.minusMonths(3);
        InvoiceRepository.PaymentBehaviourRow row = invoices.paymentBehaviour(customerId, today, since, recentSince);
        return new PaymentBehaviour(
                since,
                recentSince,
                row.getPaidCount(),
                row.getPaidLateCount(),
                row.getAverageDaysBeyondTerms(),
                row.getRecentDaysBeyondTerms(),
                row.getEarlierDaysBeyondTerms(),
                row.getHighestDunningLevel(),
                row.getBrokenPromises(),
                row.getOverdueOpenCount());
    }

    @Transactional(readOnly = true)
    public List<Long> customersWithOpenInvoices() {
        return invoices.customersWithOpenInvoices();
    }

    /**
     * A customer's payment behaviour since {@code since}. Averages are null when no invoice was paid in their window;
     * a broken promise is a promised date that passed before the invoice was paid (or still is unpaid).
     */
    public record PaymentBehaviour(
            LocalDate since,
            LocalDate recentSince,
            long paidCount,
            long paidLateCount,
            BigDecimal averageDaysBeyondTerms,
            BigDecimal recentDaysBeyondTerms,
            BigDecimal earlierDaysBeyondTerms,
            int highestDunningLevel,
            long brokenPromises,
            long overdueOpenCount) {}

    public record DunningChargesAdded(long invoiceId, int level, BigDecimal fee, BigDecimal interest) {}
}
