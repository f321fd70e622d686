package dev.o2c.credit;

import dev.o2c.credit.scoring.CreditScore;
import dev.o2c.credit.scoring.CreditScoring;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A customer's latest credit score as views outside the credit module read it: the score, the risk class it points
 * to and the factors behind it (the same the credit staff see at GET /api/customers/{id}/score).
 */
@Component
public class LatestCreditScore {

    private final CreditScoring scoring;

    LatestCreditScore(CreditScoring scoring) {
        this.scoring = scoring;
    }

    public record Score(int score, String riskClass, Instant computedAt, String trigger, List<String> factors) {}

    /** Empty while the customer has never been scored; an unknown customer is not found. */
    public Optional<Score> of(long customerId) {
        return scoring.latest(customerId).map(LatestCreditScore::summary);
    }

    private static Score summary(CreditScore score) {
        return new Score(
                score.getScore(),
                score.getRiskClass().name(),
                score.getComputedAt(),
                score.getTrigger(),
                List.copyOf(score.getFactors()));
    }
}
