package dev.o2c.collections;

import dev.o2c.credit.CreditAlertRaised;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A credit alert becomes an e-mail to the credit analysts through the outbox, in the transaction that raised the alert
 * (a plain listener runs inside the publisher's transaction): alert and e-mail exist together or not at all. The outbox
 * stays collections' own; credit only publishes {@link CreditAlertRaised}, being upstream of collections.
 */
@Component
class CreditAlertMails {

    private final Outbox outbox;

    CreditAlertMails(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(CreditAlertRaised alert) {
        outbox.write(
                alert.recipient(),
                "Credit alert " + alert.kind() + ": " + alert.customerName(),
                "Customer " + alert.customerName() + " (id " + alert.customerId() + ")\n\n" + alert.message()
                        + "\n\nSee the credit alerts in the workspace (GET /api/credit/alerts) and acknowledge the alert"
                        + " there once handled (alert " + alert.alertId() + ").\n",
                "credit-alert-" + alert.alertId());
    }
}
