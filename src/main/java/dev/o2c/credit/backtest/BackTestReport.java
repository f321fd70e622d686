package dev.o2c.credit.backtest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What a back-test found; nothing was deployed. The two kinds share the header (which file, how many replayed). */
public sealed interface BackTestReport {

    /** The outcome a replay gives when the table matched no rule or failed to evaluate. */
    String NO_RESULT = "NO_RESULT";

    String table();

    String file();

    String sha256();

    int asked();

    int evaluated();

    /** How many outcomes moved from one value to another ({@code from -> to}), most frequent first. */
    record Transition(String from, String to, int count) {}

    /**
     * The credit policy replayed on the latest recorded policy decisions.
     *
     * @param unchanged same outcome as recorded
     * @param changed another outcome (a "no result" counts here too)
     * @param noResult the table gave no outcome (no rule matched, or it failed on the inputs)
     * @param reviewsBefore recorded decisions that sent the order to a credit review
     * @param reviewsAfter replayed decisions that would (REVIEW, or any outcome other than APPROVE and REJECT: the
     *     process's default flow)
     * @param exposure order amounts approved and held, before and after, per currency
     * @param changes every decision whose outcome changed, newest first
     */
    record Policy(
            String table,
            String file,
            String sha256,
            int asked,
            int evaluated,
            Instant oldestDecidedAt,
            Instant newestDecidedAt,
            int unchanged,
            int changed,
            int noResult,
            List<Transition> transitions,
            int reviewsBefore,
            int reviewsAfter,
            List<Exposure> exposure,
            List<ChangedDecision> changes)
            implements BackTestReport {}

    /** Sums of order amounts in one currency: approved (APPROVE) and held (anything else) before and after. */
    record Exposure(
            String currency,
            BigDecimal approvedBefore,
            BigDecimal approvedAfter,
            BigDecimal heldBefore,
            BigDecimal heldAfter) {}

    /**
     * One decision the changed table decides otherwise.
     *
     * @param after the replayed outcome, or NO_RESULT
     * @param afterReason the replayed reason, or why there is no result
     */
    record ChangedDecision(
            long decisionId,
            Long orderId,
            Long customerId,
            String customerName,
            BigDecimal amount,
            String currency,
            Instant decidedAt,
            String before,
            String beforeReason,
            String after,
            String afterReason,
            String afterReviewGroup) {}

    /** The scorecard replayed on the latest stored score facts of each customer. */
    record Scores(
            String table,
            String file,
            String sha256,
            int asked,
            int evaluated,
            int unchanged,
            int changed,
            int noResult,
            int scoreRaised,
            int scoreLowered,
            List<Transition> riskClassTransitions,
            List<ChangedScore> changes)
            implements BackTestReport {}

    /**
     * One customer whose score or risk class the changed scorecard gives otherwise.
     *
     * @param scoreAfter null when the scorecard gave no result ({@code message} says why)
     */
    record ChangedScore(
            long customerId,
            String customerName,
            long scoreId,
            Instant computedAt,
            int scoreBefore,
            Integer scoreAfter,
            String riskClassBefore,
            String riskClassAfter,
            String message) {}
}
