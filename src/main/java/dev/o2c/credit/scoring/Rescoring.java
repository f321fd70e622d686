package dev.o2c.credit.scoring;

import dev.o2c.credit.CreditRescoring;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Recomputes scores on a thread of its own, once per customer for all the events that arrived meanwhile: a statement
 * of thousands of payments posts without waiting for a scorecard per line, and a customer paying twenty invoices at
 * once is scored once, after the last. A failure never undoes what caused it; it is logged and the nightly run scores
 * the customer again.
 */
@Component
class Rescoring implements CreditRescoring {

    private static final Logger log = LoggerFactory.getLogger(Rescoring.class);

    private final CreditScoring scoring;
    /** Customer -> the latest event not yet scored; a customer is in here at most once. */
    private final Map<Long, ScoreTrigger> pending = new ConcurrentHashMap<>();

    private final ExecutorService scorer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("credit-rescoring").daemon().factory());

    Rescoring(CreditScoring scoring) {
        this.scoring = scoring;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        scorer.shutdown();
        scorer.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Override
    public void afterInvoiceOverdue(long customerId, String invoiceNumber) {
        afterCommit(customerId, ScoreTrigger.invoiceOverdue(invoiceNumber));
    }

    @Override
    public void afterReminder(long customerId, String invoiceNumber, int level) {
        afterCommit(customerId, ScoreTrigger.reminderSent(invoiceNumber, level));
    }

    @Override
    public void afterBrokenPromise(long customerId, String invoiceNumber) {
        afterCommit(customerId, ScoreTrigger.promiseBroken(invoiceNumber));
    }

    /** Once the current transaction has committed (at once when there is none). */
    void afterCommit(long customerId, ScoreTrigger trigger) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            request(customerId, trigger);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                request(customerId, trigger);
            }
        });
    }

    /** Queues the customer unless it is queued already (then the later event stands for both). */
    void request(long customerId, ScoreTrigger trigger) {
        if (pending.put(customerId, trigger) == null) {
            scorer.execute(() -> score(customerId));
        }
    }

    private void score(long customerId) {
        // taken out before scoring: an event that arrives while this runs queues one more round after it
        ScoreTrigger trigger = pending.remove(customerId);
        if (trigger == null) {
            return;
        }
        try {
            scoring.recompute(customerId, trigger);
        } catch (RuntimeException e) {
            log.warn("credit score of customer {} after {} not recomputed: {}", customerId, trigger, e.getMessage());
        }
    }
}
