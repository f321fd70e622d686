package dev.o2c.credit.limits;

import dev.o2c.credit.CreditAlertRaised;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A credit alert (utilisation at 80 % or 100 %, a drop of risk class, a bureau insolvency flag) asks for a limit
 * review: one starts, or the one already open takes the alert in. After the alert committed, so a review never exists
 * for an alert that was rolled back; a failure here is logged and leaves the alert (and its e-mail) standing.
 *
 * <p>Outside the alert's transaction: after its commit that transaction is still bound to the thread, and the review's
 * own transactions would join it and fail ("no transaction is in progress"); suspended, each commits on its own.
 */
@Component
class LimitReviewOnAlert {

    private static final Logger log = LoggerFactory.getLogger(LimitReviewOnAlert.class);

    private final LimitReviews reviews;

    LimitReviewOnAlert(LimitReviews reviews) {
        this.reviews = reviews;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(CreditAlertRaised alert) {
        try {
            reviews.startForAlert(alert.customerId(), "credit alert " + alert.alertId() + ": " + alert.message());
        } catch (RuntimeException e) {
            log.warn("credit alert {} did not start a limit review: {}", alert.alertId(), e.getMessage());
        }
    }
}
