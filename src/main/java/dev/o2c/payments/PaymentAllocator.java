package dev.o2c.payments;

import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceNumbers;
import dev.o2c.billing.InvoiceRepository;
import dev.o2c.billing.InvoiceService;
import dev.o2c.payments.PaymentService.InvoiceSettlement;
import dev.o2c.payments.PaymentService.PlanOutdated;
import dev.o2c.platform.audit.AuditLog;
import dev.o2c.platform.engine.ProcessCommands;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import org.springframework.stereotype.Component;

/**
 * Applies a payment's money to a customer's open invoices, in one of two ways: in a preferred order (the invoices a
 * person chose, then those the reference names, then oldest first), or exactly as cash application planned it. Each
 * allocation lowers the invoice's open amount, is audited, and tells the invoice's collection process after commit.
 * Runs inside the posting's transaction, with the customer locked.
 */
@Component
class PaymentAllocator {

    private final PaymentAllocationRepository allocations;
    private final InvoiceRepository invoiceRepository;
    private final InvoiceService invoices;
    private final ProcessCommands processes;
    private final AuditLog audit;
    private final EntityManager entityManager;

    PaymentAllocator(
            PaymentAllocationRepository allocations,
            InvoiceRepository invoiceRepository,
            InvoiceService invoices,
            ProcessCommands processes,
            AuditLog audit,
            EntityManager entityManager) {
        this.allocations = allocations;
        this.invoiceRepository = invoiceRepository;
        this.invoices = invoices;
        this.processes = processes;
        this.audit = audit;
        this.entityManager = entityManager;
    }

    /**
     * As much as is left of the payment to each open invoice in turn; what no invoice takes stays unapplied. Returns
     * what went where.
     */
    List<PaymentPosted.Applied> inPreferredOrder(
            Payment payment, String reference, List<Long> preferredInvoiceIds, String actor) {
        List<Invoice> open = invoiceRepository.lockOpenByCustomer(payment.getCustomerId());
        List<PaymentPosted.Applied> applied = new ArrayList<>();
        for (Invoice invoice : allocationOrder(open, reference, preferredInvoiceIds)) {
            if (payment.getUnappliedAmount().signum() == 0) {
                break;
            }
            applied.add(allocate(payment, invoice, payment.getUnappliedAmount().min(invoice.getOpenAmount()), actor));
        }
        return applied;
    }

    /** Locks these invoices in id order, for postings that will find them locked without asking again. */
    void lockAll(Collection<Long> invoiceIds) {
        if (!invoiceIds.isEmpty()) {
            invoiceRepository.lockAllById(invoiceIds);
        }
    }

    /** One settlement of a plan with its invoice, locked and checked. */
    record LockedSettlement(InvoiceSettlement settlement, Invoice invoice) {}

    /**
     * Locks the plan's invoices and checks that each still has open what the plan settles, before anything is
     * written: when an invoice no longer has that much open (someone posted in between), {@link PlanOutdated} leaves
     * the transaction as it was, so a lane's batch of postings goes on without this one.
     */
    List<LockedSettlement> lockPlanned(long customerId, List<InvoiceSettlement> plan) {
        List<LockedSettlement> locked = new ArrayList<>(plan.size());
        for (InvoiceSettlement settlement : plan) {
            Invoice invoice = Optional.ofNullable(
                            entityManager.find(Invoice.class, settlement.invoiceId(), LockModeType.PESSIMISTIC_WRITE))
                    .filter(found -> found.getCustomerId().equals(customerId))
                    .orElseThrow(() -> new PlanOutdated(
                            "invoice " + settlement.invoiceId() + " is not customer " + customerId + "'s"));
            if (invoice.getOpenAmount().compareTo(settlement.settled()) < 0) {
                throw new PlanOutdated(invoice.getNumber() + " has " + invoice.getOpenAmount()
                        + " open, the plan settles " + settlement.settled());
            }
            locked.add(new LockedSettlement(settlement, invoice));
        }
        return locked;
    }

    /**
     * Per invoice the money applied and what is settled without money (discount or deduction), on the settlements
     * {@link #lockPlanned} locked and checked, in the plan's order. Returns what went where.
     */
    List<PaymentPosted.Applied> asPlanned(Payment payment, List<LockedSettlement> plan, String actor, String reason) {
        List<PaymentPosted.Applied> applied = new ArrayList<>();
        for (LockedSettlement locked : plan) {
            InvoiceSettlement settlement = locked.settlement();
            if (settlement.adjustment() != null) {
                invoices.adjust(locked.invoice(), settlement.adjustmentKind(), settlement.adjustment(), actor, reason);
            }
            if (settlement.paid().signum() > 0) {
                applied.add(allocate(payment, locked.invoice(), settlement.paid(), actor));
            }
        }
        return applied;
    }

    private PaymentPosted.Applied allocate(Payment payment, Invoice invoice, BigDecimal amount, String actor) {
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
                PaymentService.PAYMENT_RECEIVED,
                invoice.getNumber(),
                "allocation-" + allocation.getId(),
                Map.of(
                        "invoiceStatus", invoice.getStatus().name(),
                        "openAmount", invoice.getOpenAmount()));
        return new PaymentPosted.Applied(invoice.getId(), amount, invoice.getOpenAmount());
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
}
