package dev.o2c.credit;

import dev.o2c.billing.InvoiceRepository;
import dev.o2c.customers.Customer;
import dev.o2c.orders.SalesOrderRepository;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Exposure = credit reserved for approved orders not yet invoiced + what is still open on invoices. */
@Component
public class CreditExposure {

    private final SalesOrderRepository orders;
    private final InvoiceRepository invoices;

    CreditExposure(SalesOrderRepository orders, InvoiceRepository invoices) {
        this.orders = orders;
        this.invoices = invoices;
    }

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
}
