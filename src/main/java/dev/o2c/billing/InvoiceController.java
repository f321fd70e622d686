package dev.o2c.billing;

import dev.o2c.collections.DunningService;
import dev.o2c.collections.Reminder;
import dev.o2c.payments.PaymentAllocation;
import dev.o2c.payments.PaymentService;
import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.Groups;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/invoices")
@Allowed({
    Groups.AR_CLERKS,
    Groups.COLLECTORS,
    Groups.CREDIT_ANALYSTS,
    Groups.CREDIT_MANAGERS,
    Groups.SALES,
    Groups.OPERATORS
})
class InvoiceController {

    private final InvoiceService invoices;
    private final DunningService dunning;
    private final PaymentService payments;

    InvoiceController(InvoiceService invoices, DunningService dunning, PaymentService payments) {
        this.invoices = invoices;
        this.dunning = dunning;
        this.payments = payments;
    }

    @GetMapping
    List<InvoiceView> search(
            @RequestParam(required = false) Long customerId, @RequestParam(required = false) InvoiceStatus status) {
        return invoices.search(customerId, status).stream()
                .map(invoice -> view(invoice, false))
                .toList();
    }

    @GetMapping("/{id}")
    InvoiceView get(@PathVariable long id) {
        return view(invoices.get(id), true);
    }

    private InvoiceView view(Invoice invoice, boolean detailed) {
        List<ReminderView> reminders = detailed
                ? dunning.remindersFor(invoice.getId()).stream()
                        .map(ReminderView::of)
                        .toList()
                : null;
        List<AllocationView> allocations = detailed
                ? payments.allocationsTo(invoice.getId()).stream()
                        .map(AllocationView::of)
                        .toList()
                : null;
        return new InvoiceView(
                invoice.getId(),
                invoice.getNumber(),
                invoice.getCreditorReference(),
                invoice.getCustomerId(),
                invoice.getOrderId(),
                invoice.getCurrency(),
                invoice.getIssueDate(),
                invoice.getDueDate(),
                invoice.getDiscountDate(),
                invoice.getDiscountRate(),
                invoice.getNetAmount(),
                invoice.getTaxAmount(),
                invoice.getTotalAmount(),
                invoice.getChargesAmount(),
                invoice.getOpenAmount(),
                invoice.getStatus(),
                invoice.getDunningLevel(),
                invoice.getPromisedDate(),
                reminders,
                allocations);
    }

    record InvoiceView(
            long id,
            String number,
            String creditorReference,
            long customerId,
            long orderId,
            String currency,
            LocalDate issueDate,
            LocalDate dueDate,
            LocalDate discountDate,
            BigDecimal discountRate,
            BigDecimal netAmount,
            BigDecimal taxAmount,
            BigDecimal totalAmount,
            BigDecimal chargesAmount,
            BigDecimal openAmount,
            InvoiceStatus status,
            int dunningLevel,
            LocalDate promisedDate,
            List<ReminderView> reminders,
            List<AllocationView> payments) {}

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
