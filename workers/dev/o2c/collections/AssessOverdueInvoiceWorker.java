package dev.o2c.collections;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** assess-overdue-invoice: the dunning policy's inputs, fresh from the database. */
@Component
public class AssessOverdueInvoiceWorker {

    private final DunningService dunning;

    AssessOverdueInvoiceWorker(DunningService dunning) {
        this.dunning = dunning;
    }

    @JobWorker(type = "assess-overdue-invoice")
    public Map<String, Object> assess(@Variable Long invoiceId) {
        DunningService.OverdueAssessment facts = dunning.assess(invoiceId);
        Map<String, Object> variables = new HashMap<>();
        variables.put("invoiceStatus", facts.invoiceStatus());
        variables.put("openAmount", facts.openAmount());
        variables.put("disputedAmount", facts.disputedAmount());
        variables.put("currency", facts.currency());
        variables.put("daysOverdue", facts.daysOverdue());
        variables.put("lastLevel", facts.lastLevel());
        variables.put("riskClass", facts.riskClass());
        variables.put("customerName", facts.customerName());
        variables.put("customerEmail", facts.customerEmail());
        return variables;
    }
}
