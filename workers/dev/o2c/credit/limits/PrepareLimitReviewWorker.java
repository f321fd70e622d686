package dev.o2c.credit.limits;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** prepare-limit-review: keeps the table's proposal on the review and routes the task to who may accept it. */
@Component
public class PrepareLimitReviewWorker {

    private final LimitReviews reviews;

    PrepareLimitReviewWorker(LimitReviews reviews) {
        this.reviews = reviews;
    }

    /** The result of the business rule task limit-recommendation (resultVariable recommendation). */
    public record Recommendation(String proposal, BigDecimal recommendedLimit, String explanation) {}

    public record Input(Long reviewId, Recommendation recommendation) {}

    @JobWorker(type = "prepare-limit-review")
    public LimitReviews.Routing prepare(@VariablesAsType Input input) {
        Recommendation recommendation =
                input.recommendation() == null ? new Recommendation(null, null, null) : input.recommendation();
        return reviews.recommend(
                input.reviewId(),
                recommendation.proposal(),
                recommendation.recommendedLimit(),
                recommendation.explanation());
    }
}
