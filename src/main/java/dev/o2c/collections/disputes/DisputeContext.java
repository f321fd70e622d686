package dev.o2c.collections.disputes;

import dev.o2c.billing.CreditNoteView;
import dev.o2c.billing.CreditNotes;
import dev.o2c.billing.InvoiceService;
import dev.o2c.credit.CustomerAccount;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskContextProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Beside a "Resolve dispute" task: the dispute, its invoice with the credit notes already issued on it, the customer's
 * earlier disputes and their account.
 */
@Component
class DisputeContext implements TaskContextProvider {

    private static final int EARLIER_DISPUTES = 20;

    private final Disputes disputes;
    private final InvoiceService invoices;
    private final CreditNotes creditNotes;
    private final CustomerAccount accounts;

    DisputeContext(Disputes disputes, InvoiceService invoices, CreditNotes creditNotes, CustomerAccount accounts) {
        this.disputes = disputes;
        this.invoices = invoices;
        this.creditNotes = creditNotes;
        this.accounts = accounts;
    }

    @Override
    public boolean describes(HumanTask task) {
        return DisputeResolutionGuard.FORM.equals(task.getFormId());
    }

    @Override
    public Map<String, Object> contextOf(HumanTask task, Map<String, Object> variables) {
        Dispute dispute = disputes.get(Long.parseLong(variables.get("disputeId").toString()));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("kind", "dispute");
        context.put("dispute", DisputeView.of(dispute));
        context.put("invoice", CustomerAccount.invoice(invoices.get(dispute.getInvoiceId())));
        context.put(
                "creditNotes",
                creditNotes.forInvoice(dispute.getInvoiceId()).stream()
                        .map(CreditNoteView::of)
                        .toList());
        context.put(
                "earlierDisputes",
                disputes.search(null, dispute.getCustomerId()).stream()
                        .filter(earlier -> !earlier.getId().equals(dispute.getId()))
                        .limit(EARLIER_DISPUTES)
                        .map(DisputeView::of)
                        .toList());
        context.put("customer", accounts.summary(dispute.getCustomerId()));
        return context;
    }
}
