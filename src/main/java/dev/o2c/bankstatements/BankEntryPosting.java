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
import dev.o2c.payments.PlannedPostings;
import dev.o2c.platform.audit.AuditLog;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    private final ShortPaymentDisputes shortPaymentDisputes;
    private final TransactionTemplate transactions;

    BankEntryPosting(
            BankEntryRepository entries,
            PaymentService payments,
            InvoiceRepository invoices,
            CustomerRepository customers,
            CashApplication cashApplication,
            ProposalCodec proposals,
            AuditLog audit,
            ShortPaymentDisputes shortPaymentDisputes,
            PlatformTransactionManager transactions) {
        this.entries = entries;
        this.payments = payments;
        this.invoices = invoices;
        this.customers = customers;
        this.cashApplication = cashApplication;
        this.proposals = proposals;
        this.audit = audit;
        this.shortPaymentDisputes = shortPaymentDisputes;
        this.transactions = new TransactionTemplate(transactions);
    }

    public sealed interface Outcome {}

    public record Posted(long paymentId) implements Outcome {}

    public record Outdated(String why) implements Outcome {}

    /** Idempotent: an entry already posted returns its payment. */
    public Outcome post(long entryId) {
        try {
            return transactions.execute(status -> postInTransaction(null, lock(entryId)));
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
     * Before a lane's batch posts: reads the entries it claimed (their rows are locked by the claim) and has the
     * payment service lock, in id order, every customer and invoice their proposals name. The postings that follow
     * then find all of it in the persistence context: no query per entry, and their rows are written together at
     * commit, as batched inserts and updates.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PlannedPostings prepareBatch(Collection<Long> claimedEntryIds) {
        Set<Long> customerIds = new HashSet<>();
        Set<Long> invoiceIds = new HashSet<>();
        Set<String> idempotencyKeys = new HashSet<>();
        for (BankEntry entry : entries.findAllById(claimedEntryIds)) {
            if (entry.getStatus() == BankEntryStatus.MATCHED) {
                idempotencyKeys.add(idempotencyKey(entry));
                Proposal proposal = proposals.read(entry.getProposal());
                if (proposal.customerId() != null) {
                    customerIds.add(proposal.customerId());
                }
                proposal.allocations().forEach(allocation -> invoiceIds.add(allocation.invoiceId()));
            }
        }
        return payments.lockForPlannedPostings(customerIds, invoiceIds, idempotencyKeys);
    }

    /**
     * Posts one sure credit of a lane's batch inside the batch's transaction, after {@link #prepareBatch}. A proposal
     * gone stale is recorded here and the batch goes on: the payment service checks the plan before it writes
     * anything. Empty when the entry no longer waits to be posted straight through (a clerk's entry, one set aside): it
     * is left as it is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Outcome> postInBatch(PlannedPostings batch, long entryId) {
        // claimed in this transaction, so its row is locked already; prepareBatch has read it
        BankEntry entry = get(entryId);
        Optional<Outcome> outcome;
        if (entry.getStatus() == BankEntryStatus.POSTED) {
            outcome = Optional.of(new Posted(entry.getPaymentId()));
        } else if (entry.getStatus() != BankEntryStatus.MATCHED) {
            outcome = Optional.empty();
        } else {
            try {
                outcome = Optional.of(postInTransaction(batch, entry));
            } catch (PaymentService.PlanOutdated e) {
                entry.outdated();
                audit.record(SYSTEM_ACTOR, "BANK_ENTRY_OUTDATED", "bank-entry", entryId, e.getMessage(), null);
                outcome = Optional.of(new Outdated(e.getMessage()));
            }
        }
        return outcome;
    }

    /** The payment of a bank entry is posted once, under this key, however often its posting is asked for. */
    private static String idempotencyKey(BankEntry entry) {
        return "bank-entry-" + entry.getId();
    }

    /** {@code batch}: what {@link #prepareBatch} read for the lane's batch; null for an entry posted alone. */
    private Outcome postInTransaction(PlannedPostings batch, BankEntry entry) {
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
                batch,
                new NewPayment(
                        proposal.customerId(),
                        entry.getAmount(),
                        entry.getCurrency(),
                        reference(entry),
                        entry.getValueDate(),
                        idempotencyKey(entry),
                        List.of()),
                plan,
                actor,
                reason);
        entry.posted(payment.getId());
        if (entry.getDisputeReason() != null) {
            disputeShortfall(entry, proposal, actor);
        }
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
     * The clerk disputed the shortfall of this short payment: the dispute opens in the posting's transaction, so both
     * commit or neither. A redelivered job finds the entry posted above and opens nothing.
     */
    private void disputeShortfall(BankEntry entry, Proposal proposal, String clerk) {
        Proposal.PlannedAllocation allocation = proposal.allocations().getFirst();
        String comment = "Short payment on bank entry " + entry.getId() + " (value date " + entry.getValueDate()
                + ", payer " + Optional.ofNullable(entry.getDebtorName()).orElse("not named") + "): "
                + allocation.paid() + " " + entry.getCurrency() + " paid on " + allocation.invoiceNumber()
                + ", the customer disputes the rest";
        shortPaymentDisputes.open(new ShortPaymentDisputes.ShortPayment(
                allocation.invoiceId(), entry.getDisputeReason(), comment, clerk));
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
        Proposal proposal = choice.disputeReason() == null
                ? cashApplication.matcher().settleChosen(BankStatementImport.incoming(entry), customerId, chosen, clerk)
                : cashApplication
                        .matcher()
                        .settleShortAsDisputed(
                                BankStatementImport.incoming(entry), customerId, shortOf(entry, choice, chosen), clerk);
        entry.clerkChose(proposals.write(proposal), customerId, clerk, choice.disputeReason());
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

    /**
     * @param disputeReason a dispute reason code when the clerk disputes the shortfall of a payment short of one
     *     invoice, else null
     */
    public record ClerkChoice(
            boolean post, Long customerId, List<String> invoiceNumbers, String note, String disputeReason) {

        /** From the "Match payment" form's fields. */
        public static ClerkChoice fromForm(
                Object decision, Object customerId, Object invoiceNumbers, Object note, Object disputeReason) {
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
            String reason = disputeReason == null || disputeReason.toString().isBlank()
                    ? null
                    : disputeReason.toString().strip();
            return new ClerkChoice(
                    "POST".equals(decision), customer, numbers, note == null ? null : note.toString(), reason);
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
            if (choice.disputeReason() != null) {
                throw new InvalidBankStatementException(
                        "disputeReason", "only a payment posted to an invoice can dispute its shortfall");
            }
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
        List<OpenItem> chosen = choice.invoiceNumbers().stream()
                .map(number -> {
                    OpenItem item = openItem(number, choice.customerId());
                    if (!item.currency().equals(entry.getCurrency())) {
                        throw new InvalidBankStatementException(
                                "invoiceNumbers",
                                item.number() + " is in " + item.currency() + "; this payment is in "
                                        + entry.getCurrency());
                    }
                    return item;
                })
                .toList();
        if (choice.disputeReason() != null) {
            OpenItem invoice = shortOf(entry, choice, chosen);
            shortPaymentDisputes
                    .refusal(invoice.invoiceId(), choice.disputeReason())
                    .ifPresent(why -> {
                        throw new InvalidBankStatementException("disputeReason", why);
                    });
        }
    }

    /** A disputed shortfall needs a payment short of exactly one invoice: that invoice. */
    private static OpenItem shortOf(BankEntry entry, ClerkChoice choice, List<OpenItem> chosen) {
        if (chosen.size() != 1) {
            throw new InvalidBankStatementException(
                    "disputeReason",
                    "a shortfall can be disputed only when the payment goes to exactly one invoice (chosen: "
                            + chosen.size() + ")");
        }
        OpenItem invoice = chosen.getFirst();
        if (entry.getAmount().compareTo(invoice.openAmount()) >= 0) {
            throw new InvalidBankStatementException(
                    "disputeReason",
                    "the payment of " + entry.getAmount() + " " + entry.getCurrency() + " is not short of "
                            + invoice.number() + " (open " + invoice.openAmount() + "): there is no shortfall to"
                            + " dispute");
        }
        return invoice;
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
