package dev.o2c.credit.scoring;

import dev.o2c.payments.PaymentPosted;
import dev.o2c.payments.PaymentService;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Money in changes how a customer pays and what they owe: the score follows once the posting has committed. It is
 * recomputed on a thread of its own, once per customer for all the payments that arrived meanwhile: a statement of
 * thousands of lines posts without waiting for a scorecard per line, and a customer paying twenty invoices at once is
 * scored once, after the last. A failure never undoes a payment; it is logged and the nightly run scores the customer
 * again.
 */
@Component
class PaymentScoring {

    private static final Logger log = LoggerFactory.getLogger(PaymentScoring.class);

    private final PaymentService payments;
    private final CreditScoring scoring;
    /** Customer -> the latest payment not yet scored; a customer is in here at most once. */
    private final Map<Long, Long> pending = new ConcurrentHashMap<>();

    private final ExecutorService scorer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("payment-scoring").daemon().factory());

    PaymentScoring(PaymentService payments, CreditScoring scoring) {
        this.payments = payments;
        this.scoring = scoring;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        scorer.shutdown();
        scorer.awaitTermination(10, TimeUnit.SECONDS);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PaymentPosted posted) {
        try {
            long customerId = payments.get(posted.paymentId()).getCustomerId();
            if (pending.put(customerId, posted.paymentId()) == null) {
                scorer.execute(() -> score(customerId));
            }
        } catch (RuntimeException e) {
            log.warn("credit score after payment {} not recomputed: {}", posted.paymentId(), e.getMessage());
        }
    }

    private void score(long customerId) {
        // taken out before scoring: a payment that arrives while this runs queues one more round after it
        Long paymentId = pending.remove(customerId);
        if (paymentId == null) {
            return;
        }
        try {
            scoring.recompute(customerId, ScoreTrigger.paymentPosted(paymentId));
        } catch (RuntimeException e) {
            log.warn("credit score after payment {} not recomputed: {}", paymentId, e.getMessage());
        }
    }
}
