package dev.o2c.collections;

import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceService;
import dev.o2c.credit.CustomerAccount;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskContextProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Beside a collections follow-up: the invoice, every reminder sent, whom to call and their account. */
@Component
class FollowUpContext implements TaskContextProvider {

    private final InvoiceService invoices;
    private final DunningService dunning;
    private final CustomerAccount accounts;

    FollowUpContext(InvoiceService invoices, DunningService dunning, CustomerAccount accounts) {
        this.invoices = invoices;
        this.dunning = dunning;
        this.accounts = accounts;
    }

    @Override
    public boolean describes(HumanTask task) {
        return "collections-follow-up".equals(task.getFormId());
    }

    @Override
    public Map<String, Object> contextOf(HumanTask task, Map<String, Object> variables) {
        Invoice invoice = invoices.get(Long.parseLong(variables.get("invoiceId").toString()));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("kind", "collections-follow-up");
        context.put("invoice", CustomerAccount.invoice(invoice));
        context.put(
                "reminders",
                dunning.remindersFor(invoice.getId()).stream()
                        .map(Reminder::summary)
                        .toList());
        Map<String, Object> customer = accounts.summary(invoice.getCustomerId());
        context.put("contact", Map.of("name", customer.get("name"), "email", customer.get("email")));
        context.put("customer", customer);
        return context;
    }
}
