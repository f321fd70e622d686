package dev.o2c.credit.limits;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** apply-credit-limit: the decided limit takes effect (audited; held orders re-checked when it rises); once. */
@Component
public class ApplyCreditLimitWorker {

    private final LimitReviews reviews;

    ApplyCreditLimitWorker(LimitReviews reviews) {
        this.reviews = reviews;
    }

    public record Input(Long reviewId) {}

    public record Applied(BigDecimal creditLimit, BigDecimal previousCreditLimit) {}

    @JobWorker(type = "apply-credit-limit")
    public Applied apply(@VariablesAsType Input input) {
        LimitReview review = reviews.apply(input.reviewId());
        return new Applied(review.getNewLimit(), review.getOldLimit());
    }
}
