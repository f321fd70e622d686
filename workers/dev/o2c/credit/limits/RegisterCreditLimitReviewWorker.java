package dev.o2c.credit.limits;

import dev.o2c.platform.engine.DuplicateStart;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * register-credit-limit-review: records this instance on its limit review. A review that already has another instance,
 * or was taken back because its start seemed to fail, ends this one (BPMN error DUPLICATE_START) before its facts are
 * gathered.
 */
@Component
public class RegisterCreditLimitReviewWorker {

    private final LimitReviews reviews;

    RegisterCreditLimitReviewWorker(LimitReviews reviews) {
        this.reviews = reviews;
    }

    @JobWorker(type = "register-credit-limit-review")
    public void register(@Variable long reviewId, ActivatedJob job) {
        DuplicateStart.unlessRecorded(
                reviews.startedAs(reviewId, job.getProcessInstanceKey()),
                "limit review " + reviewId,
                "credit-limit-review");
    }
}
