package dev.o2c.credit;

import dev.o2c.payments.PaymentPosted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** A posted payment may be the prepayment an order released on prepayment waits for. */
@Component
class PrepaymentWatcher {

    private static final Logger log = LoggerFactory.getLogger(PrepaymentWatcher.class);

    private final CreditReviews reviews;

    PrepaymentWatcher(CreditReviews reviews) {
        this.reviews = reviews;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onPaymentPosted(PaymentPosted event) {
        try {
            reviews.releaseOnPayment(event.paymentId(), event.customerId())
                    .ifPresent(orderId ->
                            log.info("payment {} releases order {} on prepayment", event.paymentId(), orderId));
        } catch (RuntimeException e) {
            // the payment stands; the order keeps waiting and its timer ends the wait if nobody looks
            log.warn("prepayment check for payment {} failed: {}", event.paymentId(), e.getMessage());
        }
    }
}
