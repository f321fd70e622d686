package dev.o2c.payments;

import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceAdjusted;
import dev.o2c.billing.InvoiceNumbers;
import dev.o2c.billing.InvoiceRepository;
import dev.o2c.billing.InvoiceService;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerRepository;
import dev.o2c.platform.audit.AuditLog;
import dev.o2c.platform.engine.ProcessCommands;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts a payment: allocates it to the invoices its reference names, then to the oldest open invoices, and keeps
 * the rest as unapplied credit. All of it in one transaction; the collection processes hear of it after commit.
 */
@Service
public class PaymentService {

    public static final String PAYMENT_RECEIVED = "payment-received";

    private final PaymentRepository payments;
    private final PaymentAllocationRepository allocations;
    private final CustomerRepository customers;
    private final InvoiceRepository invoiceRepository;
    private final InvoiceService invoices;
    private final ProcessCommands processes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentService(
            PaymentRepository payments,
            PaymentAllocationRepository allocations,
            CustomerRepository customers,
            InvoiceRepository invoiceRepository,
            InvoiceService invoices,
            ProcessCommands processes,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.payments = payments;
        this.allocations = allocations;
        this.customers = customers;
        this.invoiceRepository = invoiceRepository;
        this.invoices = invoices;
        this.processes = processes;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Payment> findByIdempotencyKey(String key) {
        return key == null ? Optional.empty() : payments.findByIdempotencyKey(key);
    }

    /** Allocates in the given order of invoices first (explicit choice), then oldest open first. */
    @Transactional
    public Payment post(NewPayment request, String actor) {
        Customer customer = lockCustomer(request);
        Payment payment = payments.save(new Payment(
                customer.getId(),
                request.amount(),
                request.currency(),
                request.reference(),
                request.valueDate(),
                request.idempotencyKey(),
                actor,
                clock.instant()));
        List<Invoice> open = invoiceRepository.lockOpenByCustomer(customer.getId());
        for (Invoice invoice : allocationOrder(open, request.reference(), request.preferredInvoiceIds())) {
            if (payment.getUnappliedAmount().signum() == 0) {
                break;
            }
            allocate(payment, invoice, payment.getUnappliedAmount().min(invoice.getOpenAmount()), actor);
        }
        audited(payment, customer, actor, request.reference());
        return payment;
    }

    /**
     * Posts a payment exactly as planned by cash application: per invoice the money applied and what is settled without
     * money (discount or deduction); the rest stays unapplied. When an invoice no longer has that much open (someone
     * posted in between), nothing is posted and {@link PlanOutdated} says so.
     */
    @Transactional
    public Payment postPlanned(NewPayment request, List<InvoiceSettlement> plan, String actor, String reason) {
        Optional<Payment> earlier = findByIdempotencyKey(request.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Customer customer = lockCustomer(request);
        Payment payment = payments.save(new Payment(
                customer.getId(),
                request.amount(),
                request.currency(),
                request.reference(),
                request.valueDate(),
                request.idempotencyKey(),
                actor,
                clock.instant()));
        for (InvoiceSettlement settlement : plan) {
            Invoice invoice = invoiceRepository
                    .lockById(settlement.invoiceId())
                    .filter(found -> found.getCustomerId().equals(customer.getId()))
                    .orElseThrow(() -> new PlanOutdated(
                            "invoice " + settlement.invoiceId() + " is not customer " + customer.getId() + "'s"));
            if (invoice.getOpenAmount().compareTo(settlement.settled()) < 0) {
                throw new PlanOutdated(invoice.getNumber() + " has " + invoice.getOpenAmount()
                        + " open, the plan settles " + settlement.settled());
            }
            if (settlement.adjustment() != null) {
                invoices.adjust(invoice, settlement.adjustmentKind(), settlement.adjustment(), actor, reason);
            }
            if (settlement.paid().signum() > 0) {
                allocate(payment, invoice, settlement.paid(), actor);
            }
        }
        audited(payment, customer, actor, reason);
        return payment;
    }

    private Customer lockCustomer(NewPayment request) {
        Customer customer = customers
                .lockById(request.customerId())
                .orElseThrow(
                        () -> new InvalidPaymentException("customerId", "no customer with id " + request.customerId()));
        if (!customer.getCurrency().equals(request.currency())) {
            throw new InvalidPaymentException(
                    "currency",
                    "customer " + customer.getId() + " is billed in " + customer.getCurrency() + ", not "
                            + request.currency());
        }
        return customer;
    }

    private void audited(Payment payment, Customer customer, String actor, String reason) {
        audit.record(
                actor,
                "PAYMENT_POSTED",
                "payment",
                payment.getId(),
                payment.getAmount() + " "
                        + payment.getCurrency() + " from customer " + customer.getId() + ", unapplied "
                        + payment.getUnappliedAmount(),
                reason);
        events.publishEvent(new PaymentPosted(payment.getId()));
    }

    private void allocate(Payment payment, Invoice invoice, BigDecimal amount, String actor) {
        invoices.applyPayment(invoice, amount, payment.getValueDate());
        payment.allocated(amount);
        PaymentAllocation allocation =
                allocations.save(new PaymentAllocation(payment.getId(), invoice.getId(), amount));
        audit.record(
                actor,
                "PAYMENT_ALLOCATED",
                "invoice",
                invoice.getId(),
                amount + " " + payment.getCurrency() + " from payment " + payment.getId() + ", open now "
                        + invoice.getOpenAmount(),
                null);
        processes.publishAfterCommit(
                PAYMENT_RECEIVED,
                invoice.getNumber(),
                "allocation-" + allocation.getId(),
                Map.of(
                        "invoiceStatus", invoice.getStatus().name(),
                        "openAmount", invoice.getOpenAmount()));
    }

    private static List<Invoice> allocationOrder(List<Invoice> oldestFirst, String reference, List<Long> preferred) {
        Set<Invoice> ordered = new LinkedHashSet<>();
        for (Long id : preferred) {
            oldestFirst.stream().filter(invoice -> invoice.getId().equals(id)).forEach(ordered::add);
        }
        for (String number : invoiceNumbersIn(reference)) {
            oldestFirst.stream()
                    .filter(invoice -> invoice.getNumber().equals(number))
                    .forEach(ordered::add);
        }
        ordered.addAll(oldestFirst);
        return new ArrayList<>(ordered);
    }

    static List<String> invoiceNumbersIn(String reference) {
        List<String> numbers = new ArrayList<>();
        if (reference != null) {
            Matcher matcher = InvoiceNumbers.FORMAT.matcher(reference.toUpperCase());
            while (matcher.find()) {
                numbers.add(matcher.group());
            }
        }
        return numbers;
    }

    @Transactional(readOnly = true)
    public Payment get(long id) {
        return payments.findById(id).orElseThrow(() -> new PaymentNotFoundException("payment", id));
    }

    /** The customer's latest payments, newest first. */
    @Transactional(readOnly = true)
    public List<Payment> recentOf(long customerId, int limit) {
        List<Payment> all = payments.findByCustomerIdOrderByIdAsc(customerId);
        return all.subList(Math.max(0, all.size() - limit), all.size()).reversed();
    }

    @Transactional(readOnly = true)
    public List<PaymentAllocation> allocationsOf(long paymentId) {
        return allocations.findByPaymentIdOrderByIdAsc(paymentId);
    }

    @Transactional(readOnly = true)
    public List<PaymentAllocation> allocationsTo(long invoiceId) {
        return allocations.findByInvoiceIdOrderByIdAsc(invoiceId);
    }

    /** Money applied to one invoice, and what of it is settled without money. */
    public record InvoiceSettlement(
            long invoiceId, BigDecimal paid, InvoiceAdjusted.Kind adjustmentKind, BigDecimal adjustment) {

        BigDecimal settled() {
            return adjustment == null ? paid : paid.add(adjustment);
        }
    }

    /** The invoices changed since the plan was made; a person has to look again. */
    public static class PlanOutdated extends RuntimeException {
        public PlanOutdated(String message) {
            super(message);
        }
    }

    public record NewPayment(
            long customerId,
            BigDecimal amount,
            String currency,
            String reference,
            LocalDate valueDate,
            String idempotencyKey,
            List<Long> preferredInvoiceIds) {}
}
