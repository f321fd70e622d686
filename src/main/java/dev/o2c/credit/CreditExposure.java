package dev.o2c.credit;

import dev.o2c.billing.InvoiceService;
import dev.o2c.billing.ReceivableFigures;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.orders.OrderService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one owner of exposure: credit reserved for approved orders not yet invoiced + what is still open on invoices.
 * Every figure of exposure (credit check, customer view, dashboard) comes from here.
 */
@Component
public class CreditExposure {

    private final OrderService orders;
    private final InvoiceService invoices;
    private final ReceivableFigures receivables;
    private final CustomerService customers;

    CreditExposure(
            OrderService orders, InvoiceService invoices, ReceivableFigures receivables, CustomerService customers) {
        this.orders = orders;
        this.invoices = invoices;
        this.receivables = receivables;
        this.customers = customers;
    }

    /** A customer's use of credit; utilisation in percent of the limit, null when the limit is zero. */
    /** {@code openInvoices}: the part of the exposure that is open on invoices (the rest is reserved by orders). */
    public record CreditUse(
            Customer customer, BigDecimal exposure, BigDecimal openInvoices, BigDecimal utilisationPercent) {}

    @Transactional(readOnly = true)
    public BigDecimal of(long customerId) {
        return orders.reservedFor(customerId).add(invoices.openAmountFor(customerId));
    }

    public BigDecimal available(Customer customer) {
        return customer.getCreditLimit().subtract(of(customer.getId()));
    }

    /** How far an order of {@code amount} would go beyond the customer's available credit; zero when it fits. */
    public BigDecimal amountOverLimit(Customer customer, BigDecimal amount) {
        return overLimit(amount, available(customer));
    }

    /** The one definition of "over the limit" given the available credit, for callers that already hold it. */
    public static BigDecimal overLimit(BigDecimal amount, BigDecimal available) {
        return amount.subtract(available).max(BigDecimal.ZERO);
    }

    /**
     * Customers using credit or on hold, the most stretched first (no limit at all counts as the most stretched), at
     * most {@code limit} of them. Two grouped queries, whatever the number of invoices per customer.
     */
    @Transactional(readOnly = true)
    public List<CreditUse> mostStretched(int limit) {
        return everyCustomer().stream()
                .filter(use -> use.exposure().signum() > 0 || use.customer().isOnCreditHold())
                .sorted(Comparator.comparing(
                                (CreditUse use) -> use.utilisationPercent() == null
                                        ? BigDecimal.valueOf(Long.MAX_VALUE)
                                        : use.utilisationPercent(),
                                Comparator.reverseOrder())
                        .thenComparing(use -> use.customer().getId()))
                .limit(limit)
                .toList();
    }

    /** Every customer's use of credit, in customer id order. Two grouped queries, whatever the number of invoices. */
    @Transactional(readOnly = true)
    public List<CreditUse> everyCustomer() {
        Map<Long, BigDecimal> reserved = orders.reservedByCustomer();
        Map<Long, BigDecimal> open = receivables.openByCustomer();
        return customers.all().stream()
                .sorted(Comparator.comparing(Customer::getId))
                .map(customer -> {
                    BigDecimal openInvoices = open.getOrDefault(customer.getId(), BigDecimal.ZERO);
                    BigDecimal exposure = reserved.getOrDefault(customer.getId(), BigDecimal.ZERO)
                            .add(openInvoices);
                    return new CreditUse(
                            customer, exposure, openInvoices, utilisation(exposure, customer.getCreditLimit()));
                })
                .toList();
    }

    private static BigDecimal utilisation(BigDecimal exposure, BigDecimal limit) {
        return limit.signum() == 0
                ? null
                : exposure.multiply(BigDecimal.valueOf(100)).divide(limit, 1, RoundingMode.HALF_UP);
    }
}
