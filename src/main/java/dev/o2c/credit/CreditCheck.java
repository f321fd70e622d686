package dev.o2c.credit;

import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceRepository;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.orders.OrderService;
import dev.o2c.orders.SalesOrder;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Gathers the facts the credit policy decides on. Reads only: running it twice changes nothing. */
@Service
public class CreditCheck {

    /** Dunning level of a final notice; invoices at or past it count against new orders. */
    static final int FINAL_NOTICE_LEVEL = 3;

    private final OrderService orders;
    private final CustomerService customers;
    private final InvoiceRepository invoices;
    private final CreditExposure exposure;
    private final Clock clock;

    CreditCheck(
            OrderService orders,
            CustomerService customers,
            InvoiceRepository invoices,
            CreditExposure exposure,
            Clock clock) {
        this.orders = orders;
        this.customers = customers;
        this.invoices = invoices;
        this.exposure = exposure;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CreditFacts factsFor(long orderId) {
        SalesOrder order = orders.get(orderId);
        Customer customer = customers.get(order.getCustomerId());
        List<Invoice> open = invoices.findOpenByCustomer(customer.getId());
        LocalDate today = LocalDate.now(clock);
        long maxDaysOverdue = open.stream()
                .mapToLong(invoice -> invoice.daysOverdue(today))
                .max()
                .orElse(0);
        long pastFinalNotice = open.stream()
                .filter(invoice -> invoice.getDunningLevel() >= FINAL_NOTICE_LEVEL)
                .count();
        var currentExposure = exposure.of(customer.getId());
        return new CreditFacts(
                customer.getId(),
                customer.getName(),
                order.getTotalAmount(),
                order.getCurrency(),
                customer.getCreditLimit(),
                currentExposure,
                customer.getCreditLimit().subtract(currentExposure),
                customer.isOnCreditHold(),
                customer.riskClass().name(),
                maxDaysOverdue,
                pastFinalNotice);
    }
}
