package dev.o2c.collections.disputes;

import dev.o2c.billing.CreditNoteView;
import dev.o2c.billing.CreditNotes;
import dev.o2c.billing.InvoiceService;
import dev.o2c.credit.CustomerAccount;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskContextProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Beside a "Resolve dispute" task: the dispute, its invoice with the credit notes already issued on it, the customer's
 * earlier disputes and their account (for the warehouse only the customer's name).
 */
@Component
class DisputeContext implements TaskContextProvider {

    private static final int EARLIER_DISPUTES = 20;

    private final Disputes disputes;
    private final InvoiceService invoices;
    private final CreditNotes creditNotes;
    private final CustomerAccount accounts;
    private final DisputeViews views;

    DisputeContext(
            Disputes disputes,
            InvoiceService invoices,
            CreditNotes creditNotes,
            CustomerAccount accounts,
            DisputeViews views) {
        this.disputes = disputes;
        this.views = views;
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
        context.put("dispute", views.of(dispute));
        context.put("invoice", CustomerAccount.invoice(invoices.get(dispute.getInvoiceId())));
        context.put(
                "creditNotes",
                creditNotes.forInvoice(dispute.getInvoiceId()).stream()
                        .map(CreditNoteView::of)
                        .toList());
        context.put(
                "earlierDisputes",
                views.of(disputes.search(null, dispute.getCustomerId()).stream()
                        .filter(earlier -> !earlier.getId().equals(dispute.getId()))
                        .limit(EARLIER_DISPUTES)
                        .toList()));
        // the customer's credit and payments are finance's business: the warehouse sees whom the goods went to
        context.put(
                "customer",
                CurrentUser.get().inAnyGroup(DisputeReaders.ALL_DISPUTES)
                        ? accounts.summary(dispute.getCustomerId())
                        : Map.of("id", dispute.getCustomerId(), "name", variables.get("customerName")));
        return context;
    }
}
