package dev.o2c.bankstatements;

import dev.o2c.billing.CreditorReference;
import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceAdjusted;
import dev.o2c.billing.InvoiceRepository;
import dev.o2c.cashapplication.CashApplication;
import dev.o2c.cashapplication.OpenItem;
import dev.o2c.cashapplication.Proposal;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerRepository;
import dev.o2c.payments.Payment;
import dev.o2c.payments.PaymentService;
import dev.o2c.payments.PaymentService.InvoiceSettlement;
import dev.o2c.payments.PaymentService.NewPayment;
import dev.o2c.platform.audit.AuditLog;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts a bank entry's proposal as a payment, or records what the clerk chose instead. Posting is all or nothing;
 * a proposal the invoices have outrun since (someone paid in between) goes back to a clerk rather than being forced.
 */
@Service
public class BankEntryPosting {

    public static final String SYSTEM_ACTOR = "cash-application";

    private final BankEntryRepository entries;
    private final PaymentService payments;
    private final InvoiceRepository invoices;
    private final CustomerRepository customers;
    private final CashApplication cashApplication;
    private final ProposalCodec proposals;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final EntityManager entityManager;

    BankEntryPosting(
            BankEntryRepository entries,
            PaymentService payments,
            InvoiceRepository invoices,
            CustomerRepository customers,
            CashApplication cashApplication,
            ProposalCodec proposals,
            AuditLog audit,
            PlatformTransactionManager transactions,
            EntityManager entityManager) {
        this.entries = entries;
        this.payments = payments;
        this.invoices = invoices;
        this.customers = customers;
        this.cashApplication = cashApplication;
        this.proposals = proposals;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
        this.entityManager = entityManager;
    }

    public sealed interface Outcome {}

    public record Posted(long paymentId) implements Outcome {}

    public record Outdated(String why) implements Outcome {}

    /** Idempotent: an entry already posted returns its payment. */
    public Outcome post(long entryId) {
        try {
            return transactions.execute(status -> postInTransaction(lock(entryId)));
        } catch (PaymentService.PlanOutdated e) {
            transactions.executeWithoutResult(status -> {
                BankEntry entry = lock(entryId);
                entry.outdated();
                audit.record(SYSTEM_ACTOR, "BANK_ENTRY_OUTDATED", "bank-entry", entryId, e.getMessage(), null);
            });
            return new Outdated(e.getMessage());
        }
    }

    /**
     * Posts one sure credit of a lane's batch inside the batch's transaction. A proposal gone stale is recorded here
     * and the batch goes on: the payment service checks the plan before it writes anything. Empty when the entry no
     * longer waits to be posted straight through (a clerk's entry, one set aside): it is left as it is. The persistence
     * context is flushed and cleared after each entry, so the fiftieth entry of a batch costs what the first does.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Outcome> postInBatch(long entryId) {
        BankEntry entry = lock(entryId);
        Optional<Outcome> outcome;
        if (entry.getStatus() == BankEntryStatus.POSTED) {
            outcome = Optional.of(new Posted(entry.getPaymentId()));
        } else if (entry.getStatus() != BankEntryStatus.MATCHED) {
            outcome = Optional.empty();
        } else {
            try {
                outcome = Optional.of(postInTransaction(entry));
            } catch (PaymentService.PlanOutdated e) {
                entry.outdated();
                audit.record(SYSTEM_ACTOR, "BANK_ENTRY_OUTDATED", "bank-entry", entryId, e.getMessage(), null);
                outcome = Optional.of(new Outdated(e.getMessage()));
            }
        }
        entityManager.flush();
        entityManager.clear();
        return outcome;
    }

    private Outcome postInTransaction(BankEntry entry) {
        if (entry.getStatus() == BankEntryStatus.POSTED) {
            return new Posted(entry.getPaymentId());
        }
        Proposal proposal = proposals.read(entry.getProposal());
        String actor = entry.getDecidedBy() == null ? SYSTEM_ACTOR : entry.getDecidedBy();
        String reason = String.join("; ", proposal.reasons());
        List<InvoiceSettlement> plan = proposal.allocations().stream()
                .map(allocation -> new InvoiceSettlement(
                        allocation.invoiceId(),
                        allocation.paid(),
                        allocation.adjustment() == null ? null : InvoiceAdjusted.Kind.valueOf(allocation.adjustment()),
                        allocation.adjustedAmount()))
                .toList();
        Payment payment = payments.postPlanned(
                new NewPayment(
                        proposal.customerId(),
                        entry.getAmount(),
                        entry.getCurrency(),
                        reference(entry),
                        entry.getValueDate(),
                        "bank-entry-" + entry.getId(),
                        List.of()),
                plan,
                actor,
                reason);
        entry.posted(payment.getId());
        audit.record(
                actor,
                "BANK_ENTRY_POSTED",
                "bank-entry",
                entry.getId(),
                entry.getAmount() + " " + entry.getCurrency() + " as payment " + payment.getId() + " (confidence "
                        + entry.getConfidence() + ")",
                reason);
        return new Posted(payment.getId());
    }

    /**
     * Records the process instance that runs the entry. True for the first instance (and for it again, as jobs come at
     * least once); false for any other, which must end without posting or asking a clerk.
     */
    @Transactional
    public boolean registerInstance(long entryId, long processInstanceKey) {
        if (entries.recordInstance(entryId, processInstanceKey) == 1) {
            return true;
        }
        BankEntry entry = get(entryId);
        audit.record(
                SYSTEM_ACTOR,
                "BANK_ENTRY_DUPLICATE_START",
                "bank-entry",
                entryId,
                "instance " + processInstanceKey + " ended: the entry is run by instance "
                        + entry.getProcessInstanceKey(),
                null);
        return false;
    }

    /**
     * The clerk's decision from the "Match payment" task: post to this customer (and these invoices, in this order), or
     * set the entry aside. Repeating the same decision changes nothing.
     */
    @Transactional
    public boolean recordClerkChoice(long entryId, ClerkChoice choice, String clerk) {
        BankEntry entry = lock(entryId);
        if (!choice.post()) {
            if (entry.getStatus() != BankEntryStatus.SET_ASIDE) {
                entry.setAside(clerk);
                audit.record(
                        clerk, "BANK_ENTRY_SET_ASIDE", "bank-entry", entryId, "not a customer payment", choice.note());
            }
            return false;
        }
        if (entry.getStatus() != BankEntryStatus.NEEDS_CLERK) {
            return true;
        }
        long customerId = choice.customerId();
        List<OpenItem> chosen = choice.invoiceNumbers().stream()
                .map(number -> openItem(number, customerId))
                .toList();
        Proposal proposal =
                cashApplication.matcher().settleChosen(BankStatementImport.incoming(entry), customerId, chosen, clerk);
        entry.clerkChose(proposals.write(proposal), customerId, clerk);
        cashApplication.remember(entry.getDebtorIban(), entry.getDebtorName(), customerId, clerk, entry.getId());
        audit.record(
                clerk,
                "BANK_ENTRY_MATCHED_BY_CLERK",
                "bank-entry",
                entryId,
                String.join("; ", proposal.reasons()),
                choice.note());
        return true;
    }

    public record ClerkChoice(boolean post, Long customerId, List<String> invoiceNumbers, String note) {

        /** From the "Match payment" form's fields. */
        public static ClerkChoice fromForm(Object decision, Object customerId, Object invoiceNumbers, Object note) {
            if (!"POST".equals(decision) && !"SET_ASIDE".equals(decision)) {
                throw new InvalidBankStatementException("matchDecision", "must be POST or SET_ASIDE");
            }
            Long customer;
            try {
                customer = customerId == null || customerId.toString().isBlank()
                        ? null
                        : new java.math.BigDecimal(customerId.toString()).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw new InvalidBankStatementException("customerId", "must be a customer number");
            }
            if (customer != null && customer <= 0) {
                throw new InvalidBankStatementException(
                        "customerId", "must be a customer number (1 or more), not " + customer);
            }
            List<String> numbers = invoiceNumbers == null
                    ? List.of()
                    : java.util.Arrays.stream(invoiceNumbers.toString().split("[,;\\s]+"))
                            .filter(number -> !number.isBlank())
                            .toList();
            return new ClerkChoice("POST".equals(decision), customer, numbers, note == null ? null : note.toString());
        }
    }

    /**
     * Checks a choice before the task completes, so the clerk sees the problem on the form and nothing reaches the
     * engine: the customer must exist and be billed in the entry's currency, every invoice must be that customer's,
     * open and in that currency.
     */
    @Transactional(readOnly = true)
    public void validate(long entryId, ClerkChoice choice) {
        if (!choice.post()) {
            return;
        }
        BankEntry entry = get(entryId);
        if (entry.getStatus() != BankEntryStatus.NEEDS_CLERK) {
            throw new IllegalBankStatementTransitionException(
                    "bank entry " + entryId + " is " + entry.getStatus() + ", not waiting for a clerk");
        }
        if (choice.customerId() == null) {
            throw new InvalidBankStatementException("customerId", "choose the customer who paid");
        }
        Customer customer = customers
                .findById(choice.customerId())
                .orElseThrow(() ->
                        new InvalidBankStatementException("customerId", "there is no customer " + choice.customerId()));
        if (!customer.getCurrency().equals(entry.getCurrency())) {
            throw new InvalidBankStatementException(
                    "customerId",
                    "customer " + customer.getId() + " is billed in " + customer.getCurrency() + "; this payment is in "
                            + entry.getCurrency());
        }
        choice.invoiceNumbers().forEach(number -> {
            OpenItem item = openItem(number, choice.customerId());
            if (!item.currency().equals(entry.getCurrency())) {
                throw new InvalidBankStatementException(
                        "invoiceNumbers",
                        item.number() + " is in " + item.currency() + "; this payment is in " + entry.getCurrency());
            }
        });
    }

    private OpenItem openItem(String number, long customerId) {
        Invoice invoice = invoices.findByNumber(number.trim().toUpperCase())
                .orElseThrow(
                        () -> new InvalidBankStatementException("invoiceNumbers", "there is no invoice " + number));
        if (!invoice.getCustomerId().equals(customerId)) {
            throw new InvalidBankStatementException(
                    "invoiceNumbers", invoice.getNumber() + " is not customer " + customerId + "'s");
        }
        if (!invoice.getStatus().isOpen()) {
            throw new InvalidBankStatementException("invoiceNumbers", invoice.getNumber() + " is already paid");
        }
        return new OpenItem(
                invoice.getId(),
                invoice.getNumber(),
                CreditorReference.forInvoiceNumber(invoice.getNumber()),
                invoice.getCustomerId(),
                invoice.getCurrency(),
                invoice.getTotalAmount(),
                invoice.getOpenAmount(),
                invoice.getDiscountDate(),
                invoice.getDiscountRate());
    }

    @Transactional(readOnly = true)
    public BankEntry get(long entryId) {
        return entries.findById(entryId).orElseThrow(() -> new BankStatementNotFoundException("bank entry", entryId));
    }

    public Proposal proposalOf(BankEntry entry) {
        return proposals.read(entry.getProposal());
    }

    private BankEntry lock(long entryId) {
        return entries.lockById(entryId).orElseThrow(() -> new BankStatementNotFoundException("bank entry", entryId));
    }

    private static String reference(BankEntry entry) {
        String reference = Optional.ofNullable(entry.getCreditorReference()).orElse(entry.getRemittanceText());
        return reference == null ? null : reference.substring(0, Math.min(140, reference.length()));
    }
}
