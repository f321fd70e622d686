package dev.o2c.billing;

import dev.o2c.platform.time.TimerDates;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;

/** create-invoice: one invoice per shipped order, and the first date the collection process looks at it. */
@Component
public class CreateInvoiceWorker {

    private final InvoiceService invoices;
    private final Clock clock;

    CreateInvoiceWorker(InvoiceService invoices, Clock clock) {
        this.invoices = invoices;
        this.clock = clock;
    }

    @JobWorker(type = "create-invoice")
    public Map<String, Object> createInvoice(@Variable Long orderId) {
        Invoice invoice = invoices.issueFor(orderId);
        return Map.of(
                "invoiceId", invoice.getId(),
                "invoiceNumber", invoice.getNumber(),
                "dueDate", invoice.getDueDate().toString(),
                "openAmount", invoice.getOpenAmount(),
                "invoiceStatus", invoice.getStatus().name(),
                "nextCheckAt", TimerDates.startOf(invoice.firstOverdueDay(), clock));
    }
}
