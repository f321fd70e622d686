package dev.o2c.credit.bureau;

import dev.o2c.customers.CustomerRegistered;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.RiskClass;
import jakarta.annotation.PreDestroy;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A new customer with a VAT id gets a bureau report right away, and when its risk class is only the unassessed
 * default, the risk class the report suggests (an audited change through CustomerService, actor "credit-bureau").
 * Without a report (no VAT id, unknown to the bureau, bureau down) the conservative default stays. Runs after the
 * customer is committed and off the request thread: creating a customer never waits for the bureau.
 */
@Component
class NewCustomerBureauCheck {

    static final String ACTOR = "credit-bureau";
    private static final Logger LOG = LoggerFactory.getLogger(NewCustomerBureauCheck.class);

    private final BureauReports reports;
    private final CustomerService customers;
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    NewCustomerBureauCheck(BureauReports reports, CustomerService customers) {
        this.reports = reports;
        this.customers = customers;
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(10_000);
        executor.setThreadNamePrefix("bureau-new-customer-");
        executor.initialize();
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onCustomerRegistered(CustomerRegistered customer) {
        if (customer.vatId() == null) {
            return;
        }
        executor.execute(() -> assess(customer));
    }

    void assess(CustomerRegistered customer) {
        Optional<StoredBureauReport> report;
        try {
            report = reports.current(customer.customerId(), ACTOR, "new customer " + customer.name());
        } catch (CreditBureauException e) {
            LOG.warn(
                    "No bureau report for new customer {}: {}; risk class stays {}",
                    customer.customerId(),
                    e.getMessage(),
                    customer.riskClass());
            return;
        } catch (RuntimeException e) {
            LOG.error("Bureau check of new customer {} failed", customer.customerId(), e);
            return;
        }
        if (report.isEmpty() || customer.riskClassAssessed()) {
            return;
        }
        StoredBureauReport found = report.get();
        RiskClass suggested = found.suggestedRiskClass();
        customers.changeRiskClassIfStill(
                customer.customerId(),
                customer.riskClass(),
                suggested,
                ACTOR,
                "initial risk class from the credit bureau report (" + found.summary() + ")");
    }
}
