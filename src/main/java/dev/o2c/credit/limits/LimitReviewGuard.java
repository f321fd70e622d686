package dev.o2c.credit.limits;

import dev.o2c.credit.AuthorityTable;
import dev.o2c.credit.FourEyes;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskCompletionGuard;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A new limit only by someone with the authority for it (DMN limit-authority on today's limit and the limit chosen),
 * otherwise 403 naming the group that may decide. Four eyes: whoever asked for the review never decides it, and the
 * second approver is a second person of the group.
 */
@Component
class LimitReviewGuard implements TaskCompletionGuard {

    static final String REVIEW_FORM = "credit-limit-review";
    static final String SECOND_APPROVAL_FORM = "credit-limit-second-approval";

    private final LimitReviews reviews;

    LimitReviewGuard(LimitReviews reviews) {
        this.reviews = reviews;
    }

    /** Who asked for the review never decides it, and the second approver is another person than the first. */
    @Override
    public void authorize(HumanTask task, Map<String, Object> context, CurrentUser user) {
        boolean review = REVIEW_FORM.equals(task.getFormId());
        if (!review && !SECOND_APPROVAL_FORM.equals(task.getFormId())) {
            return;
        }
        long reviewId = reviewId(context);
        LimitReview limitReview = reviews.get(reviewId);
        FourEyes.notTheRequester(user, limitReview.getRequestedBy(), "asked for limit review " + reviewId);
        if (!review) {
            checkSecondApproval(limitReview, user);
        }
    }

    /** A new limit needs the authority its size asks for. */
    @Override
    public void check(HumanTask task, Map<String, Object> answers, Map<String, Object> context, CurrentUser user) {
        if (REVIEW_FORM.equals(task.getFormId())) {
            checkDecision(reviewId(context), answers, user);
        }
    }

    private static long reviewId(Map<String, Object> context) {
        return Long.parseLong(String.valueOf(context.get("reviewId")));
    }

    private void checkDecision(long reviewId, Map<String, Object> answers, CurrentUser user) {
        LimitReview.Decision decision = LimitReview.Decision.valueOf(String.valueOf(answers.get("limitDecision")));
        if (decision == LimitReview.Decision.REFUSE) {
            return; // keeping the limit extends no credit: whoever may review may refuse
        }
        Object changed = answers.get("newCreditLimit");
        LimitReviews.Assessment assessment =
                reviews.assess(reviewId, decision, changed == null ? null : new BigDecimal(changed.toString()));
        FourEyes.holdsAuthority(
                user,
                assessment.required(),
                AuthorityTable.CREDIT,
                assessment.currentLimit() + " -> " + assessment.newLimit() + " "
                        + assessment.review().getCurrency());
    }

    private void checkSecondApproval(LimitReview review, CurrentUser user) {
        FourEyes.secondPerson(
                user,
                review.getDecidedBy(),
                "the first decision of limit review " + review.getId(),
                review.getAuthorityGroup(),
                AuthorityTable.CREDIT);
    }
}
