package dev.o2c.workspace;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.o2c.billing.CreditNoteView;
import dev.o2c.billing.CreditNotes;
import dev.o2c.billing.InvoiceService;
import dev.o2c.billing.InvoiceView;
import dev.o2c.collections.DunningService;
import dev.o2c.collections.Reminder;
import dev.o2c.collections.disputes.DisputeReaders;
import dev.o2c.collections.disputes.DisputeView;
import dev.o2c.collections.disputes.DisputeViews;
import dev.o2c.collections.disputes.Disputes;
import dev.o2c.payments.PaymentAllocation;
import dev.o2c.payments.PaymentService;
import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One invoice with what happened to it since: the reminders sent, the payments applied, its disputes (the unresolved
 * one first) and the credit notes issued on it.
 */
@RestController
@RequestMapping("/api/invoices")
class InvoiceDetailController {

    private final InvoiceService invoices;
    private final DunningService dunning;
    private final PaymentService payments;
    private final Disputes disputes;
    private final CreditNotes creditNotes;
    private final DisputeReaders readers;
    private final DisputeViews disputeViews;

    InvoiceDetailController(
            InvoiceService invoices,
            DunningService dunning,
            PaymentService payments,
            Disputes disputes,
            CreditNotes creditNotes,
            DisputeReaders readers,
            DisputeViews disputeViews) {
        this.readers = readers;
        this.disputeViews = disputeViews;
        this.invoices = invoices;
        this.dunning = dunning;
        this.payments = payments;
        this.disputes = disputes;
        this.creditNotes = creditNotes;
    }

    // the same readers as the invoice list (dev.o2c.billing.InvoiceController), and the warehouse for the invoices
    // of the disputes routed to it
    @GetMapping("/{id}")
    @Allowed({
        Groups.AR_CLERKS,
        Groups.COLLECTORS,
        Groups.CREDIT_ANALYSTS,
        Groups.CREDIT_MANAGERS,
        Groups.SALES,
        Groups.OPERATORS,
        Groups.WAREHOUSE
    })
    InvoiceDetail get(@PathVariable long id) {
        invoices.get(id); // 404 before 403: the invoice must exist
        readers.checkMayReadInvoice(id, CurrentUser.get());
        InvoiceView invoice = InvoiceView.of(invoices.get(id));
        return new InvoiceDetail(
                invoice,
                dunning.remindersFor(id).stream().map(ReminderView::of).toList(),
                payments.allocationsTo(id).stream().map(AllocationView::of).toList(),
                disputes.unresolvedAmount(id),
                disputeViews.of(disputes.forInvoice(id)),
                creditNotes.forInvoice(id).stream().map(CreditNoteView::of).toList());
    }

    record InvoiceDetail(
            @JsonUnwrapped InvoiceView invoice,
            List<ReminderView> reminders,
            List<AllocationView> payments,
            /** Disputed and not resolved yet: left out of dunning. */
            BigDecimal disputedAmount,
            List<DisputeView> disputes,
            List<CreditNoteView> creditNotes) {}

    record ReminderView(
            int level, BigDecimal fee, BigDecimal interest, BigDecimal openAmount, Instant sentAt, String recipient) {
        static ReminderView of(Reminder r) {
            return new ReminderView(
                    r.getLevel(), r.getFee(), r.getInterest(), r.getOpenAmount(), r.getSentAt(), r.getRecipient());
        }
    }

    record AllocationView(long paymentId, BigDecimal amount) {
        static AllocationView of(PaymentAllocation a) {
            return new AllocationView(a.getPaymentId(), a.getAmount());
        }
    }
}
