package dev.o2c.credit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.o2c.platform.work.BulkWork;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The re-scoring queue on its own (the scorecard is a mock here; CreditScoringTest runs the real one): one score per
 * customer for the events that came meanwhile, and none while bulk work runs, up to the configured hold.
 */
class RescoringTest {

    private final CreditScoring scoring = mock(CreditScoring.class);
    private final BulkWork bulkWork = new BulkWork();
    private Rescoring rescoring;

    @AfterEach
    void stop() throws InterruptedException {
        if (rescoring != null) {
            rescoring.stop();
        }
    }

    private Rescoring withHold(Duration hold) {
        rescoring = new Rescoring(scoring, bulkWork, new ScoringProperties(null, "-", hold));
        return rescoring;
    }

    @Test
    void scoresAtOnceWhenNoBulkWorkRuns() {
        withHold(Duration.ofMinutes(2)).request(7, ScoreTrigger.paymentPosted(1));

        verify(scoring, timeout(5_000)).recompute(7, ScoreTrigger.paymentPosted(1));
    }

    @Test
    void waitsForTheStatementAndScoresEachPayerOnceWithTheLatestEvent() throws Exception {
        Rescoring rescoring = withHold(Duration.ofMinutes(2));
        BulkWork.Running statement = bulkWork.begin();
        rescoring.request(7, ScoreTrigger.paymentPosted(1));
        rescoring.request(8, ScoreTrigger.paymentPosted(2));
        rescoring.request(7, ScoreTrigger.paymentPosted(3));

        Thread.sleep(300);
        verify(scoring, never()).recompute(anyLong(), any(ScoreTrigger.class));

        statement.close();
        verify(scoring, timeout(5_000)).recompute(7, ScoreTrigger.paymentPosted(3));
        verify(scoring, timeout(5_000)).recompute(8, ScoreTrigger.paymentPosted(2));
        Thread.sleep(200);
        verify(scoring, times(1)).recompute(eq(7L), any(ScoreTrigger.class));
        verify(scoring, never()).recompute(7, ScoreTrigger.paymentPosted(1));
    }

    @Test
    void scoresAfterTheHoldEvenWhileBulkWorkGoesOn() {
        Rescoring rescoring = withHold(Duration.ofMillis(300));
        try (BulkWork.Running endless = bulkWork.begin()) {
            long asked = System.nanoTime();
            rescoring.request(7, ScoreTrigger.paymentPosted(1));

            verify(scoring, timeout(5_000)).recompute(7, ScoreTrigger.paymentPosted(1));
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(bulkWork.isRunning()).isTrue();
        }
    }

    @Test
    void bulkWorkEndsWhenTheLastOfSeveralEnds() throws InterruptedException {
        BulkWork.Running first = bulkWork.begin();
        BulkWork.Running second = bulkWork.begin();
        first.close();
        first.close(); // closing twice ends it once
        assertThat(bulkWork.isRunning()).isTrue();
        assertThat(bulkWork.awaitIdle(Duration.ofMillis(50))).isFalse();

        second.close();
        assertThat(bulkWork.awaitIdle(Duration.ZERO)).isTrue();
        assertThat(bulkWork.isRunning()).isFalse();
    }
}
