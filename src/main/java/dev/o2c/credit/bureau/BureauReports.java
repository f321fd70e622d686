package dev.o2c.credit.bureau;

import dev.o2c.credit.CreditNotFoundException;
import dev.o2c.credit.InvalidCreditException;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.platform.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customers' credit bureau reports: fetched through the {@link CreditBureau} port, stored with the raw answer, reused
 * until they expire ({@code o2c.credit-bureau.report-validity}), every fetch and every failed attempt audited. No
 * database transaction is open while the bureau is asked.
 */
@Service
public class BureauReports {

    static final String ENTITY = "customer";
    private static final Logger LOG = LoggerFactory.getLogger(BureauReports.class);

    private final CreditBureau bureau;
    private final StoredBureauReportRepository reports;
    private final CustomerService customers;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration validity;

    BureauReports(
            CreditBureau bureau,
            StoredBureauReportRepository reports,
            CustomerService customers,
            AuditLog audit,
            PlatformTransactionManager transactionManager,
            Clock clock,
            CreditBureauProperties properties) {
        this.bureau = bureau;
        this.reports = reports;
        this.customers = customers;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.validity = properties.reportValidity();
    }

    /** The customer's latest report, fresh or not. Unknown customer: 404; none fetched yet: 404 naming that. */
    public StoredBureauReport latest(long customerId) {
        customers.get(customerId);
        return reports.findFirstByCustomerIdOrderByFetchedAtDescIdDesc(customerId)
                .orElseThrow(() -> new CreditNotFoundException("bureau report for customer", customerId));
    }

    /** The customer's latest stored report, if any, without asking the bureau (for scoring and limit reviews). */
    @Transactional(readOnly = true)
    public Optional<StoredBureauReport> stored(long customerId) {
        return reports.findFirstByCustomerIdOrderByFetchedAtDescIdDesc(customerId);
    }

    /**
     * A fresh report for the customer: the stored one while it has not expired, otherwise a new one from the bureau.
     * Empty when the bureau knows no company with the customer's VAT id.
     *
     * @throws InvalidCreditException (field vatId) when the customer has no VAT id
     * @throws CreditBureauException when the bureau fails (audited)
     */
    public Optional<StoredBureauReport> current(long customerId, String actor, String why) {
        Customer customer = withVatId(customerId);
        Optional<StoredBureauReport> stored = reports.findFirstByCustomerIdOrderByFetchedAtDescIdDesc(customerId);
        if (stored.isPresent()
                && stored.get().isFreshAt(clock.instant())
                && stored.get().getVatId().equals(customer.getVatId())) {
            return stored;
        }
        return fetch(customer, actor, why);
    }

    /** Asks the bureau now, whatever is stored. Same outcomes as {@link #current}. */
    public Optional<StoredBureauReport> refresh(long customerId, String actor, String why) {
        return fetch(withVatId(customerId), actor, why);
    }

    /** Whether the customer has a VAT id the bureau could be asked with (unknown customer: 404). */
    public boolean hasVatId(long customerId) {
        return customers.get(customerId).getVatId() != null;
    }

    private Customer withVatId(long customerId) {
        Customer customer = customers.get(customerId);
        if (customer.getVatId() == null) {
            throw new InvalidCreditException(
                    "vatId",
                    "customer " + customerId + " has no VAT id, so the credit bureau cannot be asked about it");
        }
        return customer;
    }

    private Optional<StoredBureauReport> fetch(Customer customer, String actor, String why) {
        String vatId = customer.getVatId();
        Optional<BureauReport> answer;
        try {
            answer = bureau.lookup(BureauQuery.byVatId(vatId));
        } catch (CreditBureauException e) {
            LOG.warn("Credit bureau failed for customer {} ({}): {}", customer.getId(), vatId, e.getMessage());
            transactions.executeWithoutResult(status -> audit.record(
                    actor,
                    "BUREAU_REPORT_FAILED",
                    ENTITY,
                    customer.getId(),
                    "VAT id " + vatId + ": " + e.kind() + ": " + e.getMessage(),
                    why));
            throw e;
        }
        if (answer.isEmpty()) {
            transactions.executeWithoutResult(status -> audit.record(
                    actor,
                    "BUREAU_REPORT_NOT_FOUND",
                    ENTITY,
                    customer.getId(),
                    "the credit bureau knows no company with VAT id " + vatId,
                    why));
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.of(transactions.execute(status -> {
            StoredBureauReport stored = reports.save(
                    new StoredBureauReport(customer.getId(), vatId, answer.get(), actor, now, now.plus(validity)));
            audit.record(
                    actor,
                    "BUREAU_REPORT_FETCHED",
                    ENTITY,
                    customer.getId(),
                    "VAT id " + vatId + ": " + stored.summary() + ", used until " + stored.getExpiresAt(),
                    why);
            return stored;
        }));
    }
}
