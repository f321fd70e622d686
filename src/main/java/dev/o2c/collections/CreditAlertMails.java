package dev.o2c.collections;

import dev.o2c.credit.CreditAlertRaised;
import dev.o2c.platform.text.Texts;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A credit alert becomes an e-mail to the credit analysts through the outbox, in the transaction that raised the alert
 * (a plain listener runs inside the publisher's transaction): alert and e-mail exist together or not at all. The outbox
 * stays collections' own; credit only publishes {@link CreditAlertRaised}, being upstream of collections.
 */
@Component
class CreditAlertMails {

    private final OutboxEmailRepository outbox;
    private final Clock clock;

    CreditAlertMails(OutboxEmailRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener
    void on(CreditAlertRaised alert) {
        String dedupKey = "credit-alert-" + alert.alertId();
        if (outbox.findByDedupKey(dedupKey).isPresent()) {
            return;
        }
        outbox.save(new OutboxEmail(
                alert.recipient(),
                Texts.fit("Credit alert " + alert.kind() + ": " + alert.customerName(), 300),
                "Customer " + alert.customerName() + " (id " + alert.customerId() + ")\n\n" + alert.message()
                        + "\n\nSee the credit alerts in the workspace (GET /api/credit/alerts) and acknowledge the alert"
                        + " there once handled (alert " + alert.alertId() + ").\n",
                clock.instant(),
                dedupKey));
    }
}
