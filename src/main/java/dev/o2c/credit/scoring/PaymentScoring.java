package dev.o2c.credit.scoring;

import dev.o2c.payments.PaymentPosted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Money in changes how a customer pays and what they owe: the score follows once the posting has committed. */
@Component
class PaymentScoring {

    private static final Logger log = LoggerFactory.getLogger(PaymentScoring.class);

    private final Rescoring rescoring;

    PaymentScoring(Rescoring rescoring) {
        this.rescoring = rescoring;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PaymentPosted posted) {
        try {
            rescoring.request(posted.customerId(), ScoreTrigger.paymentPosted(posted.paymentId()));
        } catch (RuntimeException e) {
            log.warn("credit score after payment {} not recomputed: {}", posted.paymentId(), e.getMessage());
        }
    }
}
