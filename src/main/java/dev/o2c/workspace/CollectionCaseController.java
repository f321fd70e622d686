package dev.o2c.workspace;

import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceService;
import dev.o2c.billing.InvoiceView;
import dev.o2c.collections.AssignmentView;
import dev.o2c.collections.CollectionCases;
import dev.o2c.collections.DunningService;
import dev.o2c.collections.NoteView;
import dev.o2c.collections.PromiseView;
import dev.o2c.collections.PromisesToPay;
import dev.o2c.collections.disputes.Dispute;
import dev.o2c.collections.disputes.DisputeView;
import dev.o2c.collections.disputes.DisputeViews;
import dev.o2c.collections.disputes.Disputes;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.Groups;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The whole picture of one customer for a collector: the open items with the reminders and letters sent for each,
 * the promises to pay, the call notes, the unresolved disputes and who works the case. Combines billing and collections, so it lives here.
 */
@RestController
@RequestMapping("/api/collections/customers")
@Allowed({Groups.COLLECTORS, Groups.CREDIT_MANAGERS})
class CollectionCaseController {

    private final CustomerService customers;
    private final InvoiceService invoices;
    private final DunningService dunning;
    private final CollectionCases cases;
    private final PromisesToPay promises;
    private final Disputes disputes;
    private final DisputeViews disputeViews;
    private final Clock clock;

    CollectionCaseController(
            CustomerService customers,
            InvoiceService invoices,
            DunningService dunning,
            CollectionCases cases,
            PromisesToPay promises,
            Disputes disputes,
            DisputeViews disputeViews,
            Clock clock) {
        this.disputes = disputes;
        this.disputeViews = disputeViews;
        this.customers = customers;
        this.invoices = invoices;
        this.dunning = dunning;
        this.cases = cases;
        this.promises = promises;
        this.clock = clock;
    }

    @GetMapping("/{id}")
    CollectionCase get(@PathVariable long id) {
        Customer customer = customers.get(id);
        LocalDate today = LocalDate.now(clock);
        List<OpenItem> items = invoices.search(id, null).stream()
                .filter(invoice -> invoice.getStatus().isOpen())
                .sorted(Comparator.comparing(Invoice::getDueDate).thenComparing(Invoice::getId))
                .map(invoice -> new OpenItem(
                        InvoiceView.of(invoice),
                        invoice.daysOverdue(today),
                        dunning.remindersFor(invoice.getId()).stream()
                                .map(InvoiceDetailController.ReminderView::of)
                                .toList()))
                .toList();
        return new CollectionCase(
                new CustomerFacts(
                        customer.getId(),
                        customer.getName(),
                        customer.getEmail(),
                        customer.riskClass().name(),
                        customer.isOnCreditHold()),
                cases.assignmentOf(id).map(AssignmentView::of).orElse(null),
                items,
                promises.ofCustomer(id).stream().map(PromiseView::of).toList(),
                cases.notesOf(id).stream().map(NoteView::of).toList(),
                UnresolvedDisputes.of(customer.getCurrency(), disputes.unresolvedOf(id), disputeViews));
    }

    record CustomerFacts(long id, String name, String email, String riskClass, boolean creditHold) {}

    /** An open invoice; the letter of a reminder is at /api/invoices/{id}/letters/{level}/pdf. */
    record OpenItem(InvoiceView invoice, long daysOverdue, List<InvoiceDetailController.ReminderView> reminders) {}

    /**
     * The customer's disputes still with the routed team or escalated: how many, the amount they hold back from dunning
     * (in the customer's currency, which their invoices are billed in), and each (GET /api/disputes/{id}).
     */
    record UnresolvedDisputes(int count, BigDecimal amount, String currency, List<DisputeView> items) {

        static UnresolvedDisputes of(String currency, List<Dispute> disputes, DisputeViews views) {
            return new UnresolvedDisputes(
                    disputes.size(),
                    disputes.stream().map(Dispute::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add),
                    currency,
                    views.of(disputes));
        }
    }

    record CollectionCase(
            CustomerFacts customer,
            AssignmentView assignment,
            List<OpenItem> openItems,
            List<PromiseView> promises,
            List<NoteView> notes,
            UnresolvedDisputes disputes) {}
}
