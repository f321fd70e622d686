package dev.o2c.credit.scoring;

import dev.o2c.credit.CreditNotFoundException;
import dev.o2c.customers.CustomerService;
import dev.o2c.platform.audit.AuditLog;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The alerts list in the credit workspace: newest first, and acknowledging one (once, by a named user). */
@Service
public class CreditAlerts {

    private final CreditAlertRepository alerts;
    private final CustomerService customers;
    private final AuditLog audit;
    private final Clock clock;

    CreditAlerts(CreditAlertRepository alerts, CustomerService customers, AuditLog audit, Clock clock) {
        this.alerts = alerts;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
    }

    /** At most 200, newest first; {@code status} null for all. */
    @Transactional(readOnly = true)
    public List<CreditAlert> list(CreditAlert.Status status) {
        return status == null
                ? alerts.findTop200ByOrderByIdDesc()
                : alerts.findTop200ByStatusOrderByIdDesc(status.name());
    }

    @Transactional(readOnly = true)
    public List<CreditAlert> ofCustomer(long customerId, CreditAlert.Status status) {
        customers.get(customerId);
        return status == null
                ? alerts.findTop200ByCustomerIdOrderByIdDesc(customerId)
                : alerts.findTop200ByCustomerIdAndStatusOrderByIdDesc(customerId, status.name());
    }

    @Transactional
    public CreditAlert acknowledge(long alertId, String user, String note) {
        CreditAlert alert = alerts.lockById(alertId).orElseThrow(() -> new CreditNotFoundException("alert", alertId));
        alert.acknowledge(user, clock.instant());
        audit.record(
                user,
                "CREDIT_ALERT_ACKNOWLEDGED",
                "customer",
                alert.getCustomerId(),
                alert.getKind() + ": " + alert.getMessage(),
                note);
        return alert;
    }
}
