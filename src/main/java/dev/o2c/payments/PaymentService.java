package dev.o2c.payments;

import dev.o2c.billing.InvoiceAdjusted;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerRepository;
import dev.o2c.platform.audit.AuditLog;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
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
    private final PaymentAllocator allocator;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EntityManager entityManager;

    PaymentService(
            PaymentRepository payments,
            PaymentAllocationRepository allocations,
            CustomerRepository customers,
            PaymentAllocator allocator,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            EntityManager entityManager) {
        this.payments = payments;
        this.allocations = allocations;
        this.customers = customers;
        this.allocator = allocator;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.entityManager = entityManager;
    }

    @Transactional(readOnly = true)
    public Optional<Payment> findByIdempotencyKey(String key) {
        return key == null ? Optional.empty() : payments.findByIdempotencyKey(key);
    }

    /** Allocates to the invoices chosen, then to those the reference names, then oldest open first. */
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
        List<PaymentPosted.Applied> applied =
                allocator.inPreferredOrder(payment, request.reference(), request.preferredInvoiceIds(), actor);
        audited(payment, customer, applied, actor, request.reference());
        return payment;
    }

    /**
     * Posts a payment exactly as planned by cash application: per invoice the money applied and what is settled without
     * money (discount or deduction); the rest stays unapplied. When an invoice no longer has that much open (someone
     * posted in between), nothing is posted and {@link PlanOutdated} says so. It is thrown before anything is written
     * and does not mark the caller's transaction for rollback: a batch of postings records the stale one and goes on.
     */
    @Transactional(noRollbackFor = PlanOutdated.class)
    public Payment postPlanned(NewPayment request, List<InvoiceSettlement> plan, String actor, String reason) {
        return postPlanned(null, request, plan, actor, reason);
    }

    /**
     * The same inside a batch {@link #lockForPlannedPostings} prepared: a payment posted earlier under the request's
     * idempotency key is known from the batch's one read, not looked up again.
     */
    @Transactional(noRollbackFor = PlanOutdated.class, propagation = Propagation.MANDATORY)
    public Payment postPlanned(
            PlannedPostings batch, NewPayment request, List<InvoiceSettlement> plan, String actor, String reason) {
        Optional<Payment> earlier = batch != null && batch.covers(request.idempotencyKey())
                ? batch.earlier(request.idempotencyKey())
                : findByIdempotencyKey(request.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Customer customer = lockCustomer(request);
        List<PaymentAllocator.LockedSettlement> locked = allocator.lockPlanned(customer.getId(), plan);
        Payment payment = payments.save(new Payment(
                customer.getId(),
                request.amount(),
                request.currency(),
                request.reference(),
                request.valueDate(),
                request.idempotencyKey(),
                actor,
                clock.instant()));
        List<PaymentPosted.Applied> applied = allocator.asPlanned(payment, locked, actor, reason);
        audited(payment, customer, applied, actor, reason);
        return payment;
    }

    /**
     * Locks, in id order, the customers and invoices a batch of planned postings will touch, before the first of them
     * posts. Each posting then finds its customer and invoices locked in the persistence context and asks the database
     * nothing more about them, and the batch's rows are written together at commit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PlannedPostings lockForPlannedPostings(
            Collection<Long> customerIds, Collection<Long> invoiceIds, Collection<String> idempotencyKeys) {
        if (!customerIds.isEmpty()) {
            customers.lockAllById(customerIds);
        }
        allocator.lockAll(invoiceIds);
        Set<String> keys = new HashSet<>(idempotencyKeys);
        Map<String, Payment> earlier = new HashMap<>();
        if (!keys.isEmpty()) {
            payments.findByIdempotencyKeyIn(keys).forEach(payment -> earlier.put(payment.getIdempotencyKey(), payment));
        }
        return new PlannedPostings(keys, earlier);
    }

    /** Locked for this transaction; no query when {@link #lockForPlannedPostings} locked it already. */
    private Customer lockCustomer(NewPayment request) {
        Customer customer = Optional.ofNullable(
                        entityManager.find(Customer.class, request.customerId(), LockModeType.PESSIMISTIC_WRITE))
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

    private void audited(
            Payment payment, Customer customer, List<PaymentPosted.Applied> applied, String actor, String reason) {
        audit.record(
                actor,
                "PAYMENT_POSTED",
                "payment",
                payment.getId(),
                payment.getAmount() + " "
                        + payment.getCurrency() + " from customer " + customer.getId() + ", unapplied "
                        + payment.getUnappliedAmount(),
                reason);
        events.publishEvent(new PaymentPosted(payment.getId(), customer.getId(), payment.getCurrency(), applied));
    }

    @Transactional(readOnly = true)
    public Payment get(long id) {
        return payments.findById(id).orElseThrow(() -> new PaymentNotFoundException("payment", id));
    }

    /** The customer's latest payments, newest first. */
    @Transactional(readOnly = true)
    public List<Payment> recentOf(long customerId, int limit) {
        return payments.latestOf(customerId, PageRequest.of(0, limit));
    }

    /** Money the customer paid and that is not applied to invoices, per currency. */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> unappliedByCurrencyOf(long customerId) {
        Map<String, BigDecimal> unapplied = new TreeMap<>();
        payments.unappliedByCurrencyOf(customerId).forEach(row -> unapplied.put(row.getCurrency(), row.getAmount()));
        return unapplied;
    }

    @Transactional(readOnly = true)
    public List<PaymentAllocation> allocationsOf(long paymentId) {
        return allocations.findByPaymentIdOrderByIdAsc(paymentId);
    }

    /** Money received and not yet applied to invoices, per currency (the customer-credit side of reconciliation). */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> unappliedByCurrency() {
        Map<String, BigDecimal> unapplied = new TreeMap<>();
        payments.unappliedByCurrency().forEach(row -> unapplied.put(row.getCurrency(), row.getAmount()));
        return unapplied;
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
