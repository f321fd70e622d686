package dev.o2c.collections.writeoffs;

import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceService;
import dev.o2c.collections.DunningService;
import dev.o2c.collections.Reminder;
import dev.o2c.credit.CustomerAccount;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskContextProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Beside a write-off approval: the write-off, the invoice as it is now, the reminders it got, the customer's account. */
@Component
class WriteOffContext implements TaskContextProvider {

    private final WriteOffs writeOffs;
    private final InvoiceService invoices;
    private final DunningService dunning;
    private final CustomerAccount accounts;

    WriteOffContext(WriteOffs writeOffs, InvoiceService invoices, DunningService dunning, CustomerAccount accounts) {
        this.writeOffs = writeOffs;
        this.invoices = invoices;
        this.dunning = dunning;
        this.accounts = accounts;
    }

    @Override
    public boolean describes(HumanTask task) {
        return WriteOffApprovalGuard.FORM.equals(task.getFormId());
    }

    @Override
    public Map<String, Object> contextOf(HumanTask task, Map<String, Object> variables) {
        WriteOff writeOff = writeOffs.get(Long.parseLong(String.valueOf(variables.get("writeOffId"))));
        Invoice invoice = invoices.get(writeOff.getInvoiceId());
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("kind", "write-off");
        context.put("writeOff", WriteOffView.of(writeOff));
        context.put("invoice", CustomerAccount.invoice(invoice));
        context.put(
                "reminders",
                dunning.remindersFor(invoice.getId()).stream()
                        .map(Reminder::summary)
                        .toList());
        context.put("customer", accounts.summary(invoice.getCustomerId()));
        return context;
    }
}
