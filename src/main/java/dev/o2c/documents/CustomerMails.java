package dev.o2c.documents;

import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-mails customers receive that carry no letter of their own, worded from the same templates as the documents
 * ({@code documents/templates[_xx].properties}) in the customer's language. Sending them is the caller's business
 * (the outbox, once per dedup key).
 */
@Component
public class CustomerMails {

    private final CustomerService customers;
    private final CompanyProperties company;

    CustomerMails(CustomerService customers, CompanyProperties company) {
        this.customers = customers;
        this.company = company;
    }

    /** A dispute of {@code amount} on the invoice was rejected for {@code reason}; the customer's reason code named. */
    @Transactional(readOnly = true)
    public Mail disputeRejected(
            long customerId,
            String invoiceNumber,
            BigDecimal amount,
            String currency,
            String reasonCode,
            String reason) {
        Customer customer = customers.get(customerId);
        Wording words = Wording.of(customer.getLanguage());
        String reasonKey = "dispute.reason." + reasonCode;
        return new Mail(
                words.text("mail.dispute.subject", invoiceNumber),
                words.text(
                        "mail.dispute.body",
                        customer.getName(),
                        words.money(amount, currency),
                        invoiceNumber,
                        words.has(reasonKey) ? words.text(reasonKey) : reasonCode,
                        reason,
                        company.name()),
                words.language());
    }
}
