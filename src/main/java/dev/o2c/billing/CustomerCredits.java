package dev.o2c.billing;

import dev.o2c.customers.CustomerService;
import dev.o2c.platform.audit.AuditLog;
import dev.o2c.platform.money.Currencies;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer credit: what credit notes left owed back to a customer beyond an invoice's open amount (account 2150). AR
 * clerks apply it to another open invoice of the customer (which then closes like a paid one when nothing is left
 * open) or refund it. Available credit per customer and currency is credited by credit notes and used by applications
 * and refunds; it never goes below zero. Every use locks the customer's balance row, so two uses racing for the same
 * credit are made one after another; an application locks its invoice first, like a credit note does.
 */
@Service
public class CustomerCredits {

    static final String ENTITY = "customer";

    private final CustomerCreditBalanceRepository balances;
    private final CustomerCreditUseRepository uses;
    private final InvoiceService invoices;
    private final CustomerService customers;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerCredits(
            CustomerCreditBalanceRepository balances,
            CustomerCreditUseRepository uses,
            InvoiceService invoices,
            CustomerService customers,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.balances = balances;
        this.uses = uses;
        this.invoices = invoices;
        this.customers = customers;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Apply {@code amount} of the customer's credit in {@code currency} to one of its open invoices. */
    public record Application(
            long customerId, long invoiceId, BigDecimal amount, String currency, String reason, String requestKey) {}

    /** A refund paid out to the customer, with the bank's reference of the transfer. */
    public record Refund(
            long customerId,
            BigDecimal amount,
            String currency,
            String bankReference,
            String reason,
            String requestKey) {}

    /** The use, and whether this call recorded it (false: the request key had recorded it before). */
    public record Recorded(CustomerCreditUse use, boolean recordedNow) {}

    @Transactional
    public Recorded apply(Application request, String actor) {
        customers.get(request.customerId());
        checkMoney(request.amount(), request.currency());
        Invoice invoice = invoices.lock(request.invoiceId());
        Optional<CustomerCreditBalance> balance = balances.lock(request.customerId(), request.currency());
        Optional<CustomerCreditUse> earlier = uses.findByRequestKey(request.requestKey());
        if (earlier.isPresent()) {
            return new Recorded(replay(earlier.get(), sameApplication(earlier.get(), request)), false);
        }
        if (!invoice.getCustomerId().equals(request.customerId())) {
            throw new InvalidInvoiceException(
                    "invoiceId",
                    "invoice " + invoice.getNumber() + " belongs to another customer; credit applies only to the"
                            + " customer's own invoices");
        }
        if (!invoice.getCurrency().equals(request.currency())) {
            throw new InvalidInvoiceException(
                    "currency", "invoice " + invoice.getNumber() + " is in " + invoice.getCurrency());
        }
        if (!invoice.getStatus().isOpen()) {
            throw new InvalidInvoiceException(
                    "invoiceId", "invoice " + invoice.getNumber() + " is " + invoice.getStatus() + "; nothing is open");
        }
        BigDecimal available = checkAvailable(balance, request.amount(), request.currency());
        if (request.amount().compareTo(invoice.getOpenAmount()) > 0) {
            throw new InvalidInvoiceException(
                    "amount",
                    "more than is open on invoice " + invoice.getNumber() + ": " + invoice.getOpenAmount() + " "
                            + invoice.getCurrency());
        }
        CustomerCreditUse use = uses.save(CustomerCreditUse.application(
                invoice,
                request.amount(),
                request.reason(),
                LocalDate.now(clock),
                request.requestKey(),
                actor,
                clock.instant()));
        balance.orElseThrow().use(request.amount());
        invoices.settleByDocument(invoice, request.amount(), "customer-credit-" + use.getId());
        audit.record(
                actor,
                "CUSTOMER_CREDIT_APPLIED",
                ENTITY,
                use.getCustomerId(),
                request.amount() + " " + use.getCurrency() + " of customer credit applied to " + invoice.getNumber()
                        + " (use " + use.getId() + "), invoice open now " + invoice.getOpenAmount()
                        + ", credit available now " + available.subtract(request.amount()),
                request.reason());
        events.publishEvent(new CustomerCreditUsed(use.getId()));
        return new Recorded(use, true);
    }

    @Transactional
    public Recorded refund(Refund request, String actor) {
        customers.get(request.customerId());
        checkMoney(request.amount(), request.currency());
        if (request.bankReference() == null || request.bankReference().isBlank()) {
            throw new InvalidInvoiceException("bankReference", "a refund needs the bank's reference of the transfer");
        }
        Optional<CustomerCreditBalance> balance = balances.lock(request.customerId(), request.currency());
        Optional<CustomerCreditUse> earlier = uses.findByRequestKey(request.requestKey());
        if (earlier.isPresent()) {
            return new Recorded(replay(earlier.get(), sameRefund(earlier.get(), request)), false);
        }
        BigDecimal available = checkAvailable(balance, request.amount(), request.currency());
        CustomerCreditUse use = uses.save(CustomerCreditUse.refund(
                request.customerId(),
                request.currency(),
                request.amount(),
                request.bankReference(),
                request.reason(),
                LocalDate.now(clock),
                request.requestKey(),
                actor,
                clock.instant()));
        balance.orElseThrow().use(request.amount());
        audit.record(
                actor,
                "CUSTOMER_CREDIT_REFUNDED",
                ENTITY,
                use.getCustomerId(),
                request.amount() + " " + use.getCurrency() + " of customer credit refunded (use " + use.getId()
                        + ", bank reference " + request.bankReference() + "), credit available now "
                        + available.subtract(request.amount()),
                request.reason());
        events.publishEvent(new CustomerCreditUsed(use.getId()));
        return new Recorded(use, true);
    }

    /** A credit note left {@code amount} owed back to the customer: it becomes available credit. */
    @Transactional(propagation = Propagation.MANDATORY)
    void credit(long customerId, String currency, BigDecimal amount) {
        balances.createIfMissing(customerId, currency);
        balances.lock(customerId, currency).orElseThrow().add(amount);
    }

    /** The customer's available credit per currency (currencies it never had credit in are left out). */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> availableFor(long customerId) {
        Map<String, BigDecimal> available = new TreeMap<>();
        balances.findByCustomerIdOrderByCurrency(customerId)
                .forEach(balance -> available.put(balance.getCurrency(), balance.getAvailable()));
        return available;
    }

    /** Applications and refunds of the customer's credit, oldest first. */
    @Transactional(readOnly = true)
    public List<CustomerCreditUse> usesOf(long customerId) {
        customers.get(customerId);
        return uses.findByCustomerIdOrderByIdAsc(customerId);
    }

    @Transactional(readOnly = true)
    public CustomerCreditUse get(long id) {
        return uses.findById(id).orElseThrow(() -> new InvoiceNotFoundException("customer credit use", id));
    }

    private static void checkMoney(BigDecimal amount, String currency) {
        if (amount == null || amount.signum() <= 0) {
            throw new InvalidInvoiceException("amount", "must be more than 0");
        }
        if (!Currencies.isTradingCurrency(currency)) {
            throw new InvalidInvoiceException("currency", "is not a currency customers are billed in: " + currency);
        }
        if (!Currencies.hasMinorUnitScale(amount, currency)) {
            throw new InvalidInvoiceException("amount", "has more decimals than " + currency + " allows");
        }
    }

    private static BigDecimal checkAvailable(
            Optional<CustomerCreditBalance> balance, BigDecimal amount, String currency) {
        BigDecimal available = balance.map(CustomerCreditBalance::getAvailable).orElse(BigDecimal.ZERO);
        if (amount.compareTo(available) > 0) {
            throw new InvalidInvoiceException(
                    "amount", "more than the customer's available credit: " + available + " " + currency);
        }
        return available;
    }

    private static boolean sameApplication(CustomerCreditUse earlier, Application request) {
        return earlier.getKind() == CustomerCreditUse.Kind.APPLICATION
                && earlier.getCustomerId() == request.customerId()
                && earlier.getInvoiceId() == request.invoiceId()
                && earlier.getCurrency().equals(request.currency())
                && earlier.getAmount().compareTo(request.amount()) == 0;
    }

    private static boolean sameRefund(CustomerCreditUse earlier, Refund request) {
        return earlier.getKind() == CustomerCreditUse.Kind.REFUND
                && earlier.getCustomerId() == request.customerId()
                && earlier.getCurrency().equals(request.currency())
                && earlier.getAmount().compareTo(request.amount()) == 0
                && Objects.equals(earlier.getBankReference(), request.bankReference());
    }

    private static CustomerCreditUse replay(CustomerCreditUse earlier, boolean same) {
        if (!same) {
            throw new IllegalInvoiceTransitionException("the request key was already used for customer credit "
                    + earlier.getKind().name().toLowerCase() + " " + earlier.getId() + " (" + earlier.getAmount() + " "
                    + earlier.getCurrency() + "); use a new key for a new one");
        }
        return earlier;
    }
}
