package dev.o2c.collections;

import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceService;
import dev.o2c.billing.PromiseToPayRecorded;
import dev.o2c.credit.CreditRescoring;
import dev.o2c.customers.CustomerService;
import dev.o2c.platform.audit.AuditLog;
import dev.o2c.platform.money.Currencies;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every promise to pay, whichever way it came (the collections follow-up task or the worklist, both through billing's
 * {@link InvoiceService#recordPromise}), and what became of it: once its date has passed a promise is KEPT when at
 * least its amount was paid since, else BROKEN (audited). Broken promises put the customer on top of the worklist.
 */
@Service
public class PromisesToPay {

    private static final Logger log = LoggerFactory.getLogger(PromisesToPay.class);

    private final CollectionPromiseRepository promises;
    private final InvoiceService invoices;
    private final CustomerService customers;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final CreditRescoring rescoring;

    PromisesToPay(
            CollectionPromiseRepository promises,
            InvoiceService invoices,
            CustomerService customers,
            AuditLog audit,
            Clock clock,
            PlatformTransactionManager transactionManager,
            CreditRescoring rescoring) {
        this.rescoring = rescoring;
        this.promises = promises;
        this.invoices = invoices;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * A promise a collector took on the phone: {@code amount} of the customer's invoice by {@code date}. The date
     * follows the follow-up task's rule ({@link PromiseToPayGuard#checkDate}); the amount is more than nothing and at
     * most what is open. Replaces an open promise on the same invoice.
     */
    @Transactional
    public CollectionPromise promise(long customerId, long invoiceId, LocalDate date, BigDecimal amount, String actor) {
        customers.get(customerId);
        Invoice invoice = invoices.get(invoiceId);
        if (invoice.getCustomerId() != customerId) {
            throw new InvalidCollectionException(
                    "invoiceId", "invoice " + invoice.getNumber() + " is not one of customer " + customerId + "'s");
        }
        if (!invoice.getStatus().isOpen()) {
            throw new IllegalCollectionTransitionException(
                    "invoice " + invoice.getNumber() + " is paid; there is nothing to promise");
        }
        PromiseToPayGuard.checkDate(date, LocalDate.now(clock), "promisedDate");
        if (amount.signum() <= 0) {
            throw new InvalidCollectionException("amount", "a promised amount must be more than 0");
        }
        if (!Currencies.hasMinorUnitScale(amount, invoice.getCurrency())) {
            throw new InvalidCollectionException(
                    "amount",
                    "at most " + Currencies.minorUnitDigits(invoice.getCurrency()) + " decimals in "
                            + invoice.getCurrency());
        }
        if (amount.compareTo(invoice.getOpenAmount()) > 0) {
            throw new InvalidCollectionException(
                    "amount",
                    "at most the open amount of " + invoice.getNumber() + " (" + invoice.getOpenAmount() + " "
                            + invoice.getCurrency() + ")");
        }
        CollectionPromise promise = register(
                customerId,
                invoiceId,
                date,
                amount,
                invoice.getCurrency(),
                invoice.getOpenAmount(),
                invoice.getChargesAmount(),
                actor);
        // billing keeps the invoice's promised date and audits it; its event finds this promise already registered
        invoices.recordPromise(
                invoiceId, date, actor, "promised " + amount + " " + invoice.getCurrency() + " (collector's worklist)");
        return promise;
    }

    /**
     * A promise recorded through billing (the follow-up task's Record promise to pay): the whole open amount by the
     * date. Runs in the recording transaction. A promise of that date already open on the invoice (the worklist's own,
     * or a redelivered job's) is not registered twice.
     */
    @EventListener
    void on(PromiseToPayRecorded recorded) {
        boolean known = promises.findByInvoiceIdAndStatus(recorded.invoiceId(), CollectionPromise.Status.OPEN).stream()
                .anyMatch(p -> p.getPromisedDate().equals(recorded.promisedDate()));
        if (known || recorded.openAmount().signum() <= 0) {
            return;
        }
        register(
                recorded.customerId(),
                recorded.invoiceId(),
                recorded.promisedDate(),
                recorded.openAmount(),
                recorded.currency(),
                recorded.openAmount(),
                recorded.chargesAmount(),
                recorded.actor());
    }

    private CollectionPromise register(
            long customerId,
            long invoiceId,
            LocalDate date,
            BigDecimal amount,
            String currency,
            BigDecimal open,
            BigDecimal charges,
            String actor) {
        Instant now = clock.instant();
        promises.findByInvoiceIdAndStatus(invoiceId, CollectionPromise.Status.OPEN)
                .forEach(earlier -> earlier.replace(now));
        return promises.save(
                new CollectionPromise(customerId, invoiceId, date, amount, currency, open, charges, actor, now));
    }

    /**
     * Settles every open promise whose date has passed, each in its own transaction (one failure does not stop the
     * others; a second sweep at the same time finds them settled and changes nothing).
     */
    public Settled settleDue() {
        LocalDate today = LocalDate.now(clock);
        int kept = 0;
        int broken = 0;
        for (Long id : promises.dueBefore(today)) {
            try {
                CollectionPromise.Status status = transactions.execute(tx -> settle(id, today));
                if (status == CollectionPromise.Status.KEPT) {
                    kept++;
                } else if (status == CollectionPromise.Status.BROKEN) {
                    broken++;
                }
            } catch (RuntimeException e) {
                log.warn("promise to pay {} could not be settled: {}", id, e.getMessage());
            }
        }
        return new Settled(kept, broken);
    }

    private CollectionPromise.Status settle(long id, LocalDate today) {
        CollectionPromise promise = promises.lockById(id).orElseThrow();
        if (promise.getStatus() != CollectionPromise.Status.OPEN
                || !promise.getPromisedDate().isBefore(today)) {
            return null;
        }
        Invoice invoice = invoices.get(promise.getInvoiceId());
        BigDecimal paid = promise.paidSince(invoice.getOpenAmount(), invoice.getChargesAmount());
        CollectionPromise.Status status =
                promise.resolve(invoice.getOpenAmount(), invoice.getChargesAmount(), clock.instant());
        audit.record(
                "system",
                status == CollectionPromise.Status.BROKEN ? "PROMISE_BROKEN" : "PROMISE_KEPT",
                "invoice",
                invoice.getId(),
                "promise " + promise.getId() + " of " + promise.getAmount() + " " + promise.getCurrency() + " by "
                        + promise.getPromisedDate() + ": " + paid.max(BigDecimal.ZERO) + " paid since, "
                        + invoice.getOpenAmount() + " open",
                null);
        if (status == CollectionPromise.Status.BROKEN) {
            rescoring.afterBrokenPromise(promise.getCustomerId(), invoice.getNumber());
        }
        return status;
    }

    @Transactional(readOnly = true)
    public List<CollectionPromise> ofCustomer(long customerId) {
        return promises.findTop200ByCustomerIdOrderByIdDesc(customerId);
    }

    /** Per customer: promises broken in the last 12 months and the next open promise date. One query for all. */
    @Transactional(readOnly = true)
    Map<Long, Standing> standingOf(Collection<Long> customerIds, LocalDate today) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        return promises.standingOf(customerIds, today, today.minusMonths(12)).stream()
                .collect(Collectors.toMap(
                        CollectionPromiseRepository.PromiseStanding::getCustomerId,
                        row -> new Standing(row.getBrokenPromises(), row.getNextPromiseDate())));
    }

    record Standing(long brokenPromises, LocalDate nextPromiseDate) {
        static final Standing NONE = new Standing(0, null);

        boolean promiseOpen() {
            return nextPromiseDate != null;
        }
    }

    public record Settled(int kept, int broken) {}
}
