package dev.o2c.credit.scoring;

import dev.o2c.credit.CreditRescoring;
import dev.o2c.platform.work.BulkWork;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Recomputes scores on a thread of its own, once per customer for all the events that arrived meanwhile: a statement
 * of thousands of payments posts without waiting for a scorecard per line, and a customer paying twenty invoices at
 * once is scored once, after the last. While bulk work runs (a statement's credits are being posted) the scores wait
 * for its end, at most {@code o2c.credit.scoring.bulk-hold} after their first event: a customer paying five invoices
 * spread over a statement is then scored once, after the statement, not five times while the postings compete with
 * the scorecard for the machine. A failure never undoes what caused it; it is logged and the nightly run scores the
 * customer again.
 */
@Component
class Rescoring implements CreditRescoring {

    private static final Logger log = LoggerFactory.getLogger(Rescoring.class);

    private final CreditScoring scoring;
    private final BulkWork bulkWork;
    private final Duration bulkHold;
    /** Customer -> the latest event not yet scored; a customer is in here at most once. */
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

    /** The latest event for a customer, and when (System.nanoTime) the first of those not yet scored arrived. */
    private record Pending(ScoreTrigger trigger, long since) {}

    private final ExecutorService scorer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("credit-rescoring").daemon().factory());

    Rescoring(CreditScoring scoring, BulkWork bulkWork, ScoringProperties properties) {
        this.scoring = scoring;
        this.bulkWork = bulkWork;
        this.bulkHold = properties.bulkHold();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        scorer.shutdown();
        if (!scorer.awaitTermination(10, TimeUnit.SECONDS)) {
            scorer.shutdownNow(); // a score waiting for bulk work is left to the nightly run
        }
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
        AtomicBoolean queued = new AtomicBoolean();
        pending.compute(customerId, (id, earlier) -> {
            queued.set(earlier == null);
            return new Pending(trigger, earlier == null ? System.nanoTime() : earlier.since());
        });
        if (queued.get()) {
            scorer.execute(() -> score(customerId));
        }
    }

    /** False when the scorer is being stopped. */
    private boolean waitForBulkWork(long since) {
        try {
            bulkWork.awaitIdle(bulkHold.minusNanos(System.nanoTime() - since));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void score(long customerId) {
        Pending queued = pending.get(customerId);
        if (queued != null && !waitForBulkWork(queued.since())) {
            return;
        }
        // taken out before scoring: an event that arrives while this runs queues one more round after it
        Pending taken = pending.remove(customerId);
        if (taken == null) {
            return;
        }
        ScoreTrigger trigger = taken.trigger();
        try {
            scoring.recompute(customerId, trigger);
        } catch (RuntimeException e) {
            log.warn("credit score of customer {} after {} not recomputed: {}", customerId, trigger, e.getMessage());
        }
    }
}
