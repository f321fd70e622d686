package dev.o2c.credit.limits;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** record-limit-decision: the approver accepted, changed or refused; says where the process goes next. */
@Component
public class RecordLimitDecisionWorker {

    static final String APPLY = "APPLY";
    static final String SECOND_APPROVAL = "SECOND_APPROVAL";
    static final String REFUSED = "REFUSED";

    private final LimitReviews reviews;

    RecordLimitDecisionWorker(LimitReviews reviews) {
        this.reviews = reviews;
    }

    /** The answers of the form credit-limit-review and who completed it. */
    public record Input(
            Long reviewId, String limitDecision, BigDecimal newCreditLimit, String limitComment, String completedBy) {}

    public record Outcome(
            String limitOutcome,
            BigDecimal decidedLimit,
            String firstApprover,
            String approvalGroup,
            String approvalAuthority) {}

    @JobWorker(type = "record-limit-decision")
    public Outcome record(@VariablesAsType Input input) {
        LimitReview review = reviews.recordDecision(
                input.reviewId(),
                LimitReview.Decision.valueOf(input.limitDecision()),
                input.newCreditLimit(),
                input.completedBy(),
                input.limitComment());
        // what is stored decides, so a repeated job answers as the first one did
        String outcome =
                switch (review.getStatus()) {
                    case AWAITING_SECOND_APPROVAL -> SECOND_APPROVAL;
                    case REFUSED -> REFUSED;
                    default -> review.getDecision() == LimitReview.Decision.REFUSE ? REFUSED : APPLY;
                };
        return new Outcome(
                outcome,
                review.getDecidedLimit(),
                review.getDecidedBy(),
                review.getAuthorityGroup(),
                review.getAuthority());
    }
}
