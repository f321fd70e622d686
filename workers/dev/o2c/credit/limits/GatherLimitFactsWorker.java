package dev.o2c.credit.limits;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import org.springframework.stereotype.Component;

/** gather-limit-facts: the facts the limit-recommendation table and the approver decide on. */
@Component
public class GatherLimitFactsWorker {

    private final LimitReviews reviews;

    GatherLimitFactsWorker(LimitReviews reviews) {
        this.reviews = reviews;
    }

    public record Input(Long reviewId) {}

    @JobWorker(type = "gather-limit-facts")
    public LimitFacts gather(@VariablesAsType Input input) {
        return reviews.gatherFacts(input.reviewId());
    }
}
