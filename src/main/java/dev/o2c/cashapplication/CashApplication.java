package dev.o2c.cashapplication;

import dev.o2c.billing.CreditorReference;
import dev.o2c.billing.OpenInvoices;
import dev.o2c.customers.CustomerService;
import dev.o2c.platform.audit.AuditLog;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches incoming payments against what is open right now, and remembers what clerks decide. The book is read once
 * from billing and customers: a statement of ten thousand lines is matched against one snapshot, not ten thousand
 * lookups.
 */
@Service
@EnableConfigurationProperties(MatchingPolicy.class)
public class CashApplication {

    private final OpenInvoices invoices;
    private final CustomerService customers;
    private final PayerMemoryRepository memory;
    private final MatchingPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    CashApplication(
            OpenInvoices invoices,
            CustomerService customers,
            PayerMemoryRepository memory,
            MatchingPolicy policy,
            AuditLog audit,
            Clock clock) {
        this.invoices = invoices;
        this.customers = customers;
        this.memory = memory;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    public MatchingPolicy policy() {
        return policy;
    }

    public CashMatcher matcher() {
        return new CashMatcher(policy);
    }

    @Transactional(readOnly = true)
    public OpenItemBook openItems() {
        List<OpenItem> items = invoices.all().stream()
                .map(invoice -> new OpenItem(
                        invoice.id(),
                        invoice.number(),
                        CreditorReference.forInvoiceNumber(invoice.number()),
                        invoice.customerId(),
                        invoice.currency(),
                        invoice.totalAmount(),
                        invoice.openAmount(),
                        invoice.discountDate(),
                        invoice.discountRate()))
                .toList();
        List<Payer> payers = customers.all().stream()
                .map(customer ->
                        new Payer(customer.getId(), customer.getName(), customer.getIban(), customer.getCurrency()))
                .toList();
        Map<String, Long> learnedIbans = new HashMap<>();
        Map<String, Long> learnedNames = new HashMap<>();
        for (PayerMemory remembered : memory.findAll()) {
            (remembered.getKind() == PayerMemory.Kind.IBAN ? learnedIbans : learnedNames)
                    .put(remembered.getPayerKey(), remembered.getCustomerId());
        }
        return new OpenItemBook(items, payers, learnedIbans, learnedNames);
    }

    /**
     * Next time money comes from this account or under this name, it is this customer's. {@code entryId} is the bank
     * entry the clerk decided (kept so that a clerk can see where the matcher learned it).
     */
    @Transactional
    public void remember(String debtorIban, String debtorName, long customerId, String clerk, Long entryId) {
        if (debtorIban != null && !debtorIban.isBlank()) {
            learn(PayerMemory.Kind.IBAN, OpenItemBook.compact(debtorIban), customerId, clerk, entryId);
        }
        String name = PayerNames.normalize(debtorName);
        if (!name.isEmpty()) {
            learn(PayerMemory.Kind.NAME, name, customerId, clerk, entryId);
        }
    }

    /** Everything learned from clerks, newest first. */
    @Transactional(readOnly = true)
    public List<LearnedPayer> learned() {
        return memory.findAll(Sort.by(Sort.Direction.DESC, "learnedAt", "id")).stream()
                .map(PayerMemory::view)
                .toList();
    }

    /**
     * Forgets one learned payer: from the next statement on, payments from that account or under that name are no
     * longer attributed to the customer by it. Entries already matched keep their proposals.
     */
    @Transactional
    public LearnedPayer forget(long id, String actor) {
        PayerMemory known =
                memory.findById(id).orElseThrow(() -> new LearnedPayerNotFoundException("learned payer", id));
        LearnedPayer view = known.view();
        memory.delete(known);
        audit.record(
                actor,
                "PAYER_FORGOTTEN",
                "customer",
                view.customerId(),
                view.kind() + " " + view.payerKey() + " no longer pays for customer " + view.customerId()
                        + " (learned by " + view.learnedBy() + " at " + view.learnedAt() + ")",
                null);
        return view;
    }

    private void learn(PayerMemory.Kind kind, String key, long customerId, String clerk, Long entryId) {
        memory.findByKindAndPayerKey(kind, key)
                .ifPresentOrElse(
                        known -> known.relearn(customerId, clerk, clock.instant(), entryId),
                        () -> memory.save(new PayerMemory(kind, key, customerId, clerk, clock.instant(), entryId)));
        audit.record(
                clerk,
                "PAYER_LEARNED",
                "customer",
                customerId,
                kind + " " + key + " pays for customer " + customerId,
                null);
    }
}
