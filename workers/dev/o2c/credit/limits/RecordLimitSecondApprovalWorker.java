package dev.o2c.credit.limits;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import org.springframework.stereotype.Component;

/** record-limit-second-approval: a second approver confirms the new limit (it is set next) or refuses it. */
@Component
public class RecordLimitSecondApprovalWorker {

    static final String CONFIRM = "CONFIRM";

    private final LimitReviews reviews;

    RecordLimitSecondApprovalWorker(LimitReviews reviews) {
        this.reviews = reviews;
    }

    /** The answers of the form credit-limit-second-approval and who completed it. */
    public record Input(Long reviewId, String limitSecondApproval, String limitSecondComment, String completedBy) {}

    public record Outcome(String limitOutcome, String secondApprover) {}

    @JobWorker(type = "record-limit-second-approval")
    public Outcome record(@VariablesAsType Input input) {
        LimitReview review = reviews.recordSecondApproval(
                input.reviewId(),
                CONFIRM.equals(input.limitSecondApproval()),
                input.completedBy(),
                input.limitSecondComment());
        boolean refused = review.getStatus() == LimitReview.Status.REFUSED;
        return new Outcome(
                refused ? RecordLimitDecisionWorker.REFUSED : RecordLimitDecisionWorker.APPLY,
                review.getSecondApprovedBy());
    }
}
