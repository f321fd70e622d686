package dev.o2c.credit.limits;

import io.camunda.client.annotation.JobWorker;
import org.springframework.stereotype.Component;

/**
 * start-due-limit-reviews: the daily sweep of credit-limit-review-schedule; starts a periodic credit-limit-review for
 * every customer due (yearly for A/B, quarterly for C/D by default). Idempotent: a customer with a review open is
 * skipped, so a repeated job or a second sweep the same day starts nothing twice.
 */
@Component
public class StartDueLimitReviewsWorker {

    private final LimitReviews reviews;

    StartDueLimitReviewsWorker(LimitReviews reviews) {
        this.reviews = reviews;
    }

    public record Started(int reviewsStarted) {}

    @JobWorker(type = "start-due-limit-reviews")
    public Started sweep() {
        return new Started(reviews.startDue().size());
    }
}
