package dev.o2c.credit;

import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceService;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.payments.PaymentService;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A customer as an approver sees them: limit and exposure, what is open, how they have been paying. */
@Component
public class CustomerAccount {

    private final CustomerService customers;
    private final CreditExposure exposure;
    private final InvoiceService invoices;
    private final PaymentService payments;

    CustomerAccount(
            CustomerService customers, CreditExposure exposure, InvoiceService invoices, PaymentService payments) {
        this.customers = customers;
        this.exposure = exposure;
        this.invoices = invoices;
        this.payments = payments;
    }

    @Transactional(readOnly = true)
    public Map<String, Object> summary(long customerId) {
        Customer customer = customers.get(customerId);
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", customer.getId());
        account.put("name", customer.getName());
        account.put("email", customer.getEmail());
        account.put("currency", customer.getCurrency());
        account.put("paymentTerms", customer.paymentTerms().toString());
        account.put("riskClass", customer.riskClass().name());
        account.put("creditLimit", customer.getCreditLimit());
        account.put("exposure", exposure.of(customerId));
        account.put("availableCredit", exposure.available(customer));
        account.put("onCreditHold", customer.isOnCreditHold());
        account.put(
                "openInvoices",
                invoices.search(customerId, null).stream()
                        .filter(i -> i.getStatus().isOpen())
                        .map(CustomerAccount::invoice)
                        .toList());
        account.put(
                "recentPayments",
                payments.recentOf(customerId, 10).stream()
                        .map(payment -> Map.of(
                                "valueDate",
                                payment.getValueDate().toString(),
                                "amount",
                                payment.getAmount(),
                                "reference",
                                payment.getReference() == null ? "" : payment.getReference()))
                        .toList());
        return account;
    }

    public static Map<String, Object> invoice(Invoice invoice) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", invoice.getId());
        view.put("number", invoice.getNumber());
        view.put("issueDate", invoice.getIssueDate().toString());
        view.put("dueDate", invoice.getDueDate().toString());
        view.put("totalAmount", invoice.getTotalAmount());
        view.put("openAmount", invoice.getOpenAmount());
        view.put("status", invoice.getStatus().name());
        view.put("dunningLevel", invoice.getDunningLevel());
        return view;
    }
}
