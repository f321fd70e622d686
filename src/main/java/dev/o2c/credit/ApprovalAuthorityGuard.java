package dev.o2c.credit;

import dev.o2c.platform.security.CurrentUser;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskCompletionGuard;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A credit decision only by someone with the authority for it (DMN approval-authority, on today's figures and what
 * the reviewer chose); otherwise 403 naming the group that may decide. The second approval must come from a second
 * person of that group.
 */
@Component
class ApprovalAuthorityGuard implements TaskCompletionGuard {

    static final String REVIEW_FORM = "credit-review";
    static final String SECOND_APPROVAL_FORM = "credit-second-approval";

    private final CreditReviews reviews;

    ApprovalAuthorityGuard(CreditReviews reviews) {
        this.reviews = reviews;
    }

    /** The second approver is another person than the first, whatever they answer. */
    @Override
    public void authorize(HumanTask task, Map<String, Object> context, CurrentUser user) {
        if (SECOND_APPROVAL_FORM.equals(task.getFormId())) {
            checkSecondApproval(context, user);
        }
    }

    /** Approving beyond the limit needs the authority the amount asks for. */
    @Override
    public void check(HumanTask task, Map<String, Object> answers, Map<String, Object> context, CurrentUser user) {
        if (REVIEW_FORM.equals(task.getFormId())) {
            checkReview(answers, context, user);
        }
    }

    private void checkReview(Map<String, Object> answers, Map<String, Object> context, CurrentUser user) {
        ReviewChoice choice = ReviewChoice.fromForm(answers);
        if (choice.outcome() == ReviewChoice.Outcome.REJECT) {
            return; // saying no extends no credit: whoever may review may reject
        }
        CreditReviews.Assessment assessment = reviews.assess(orderId(context), choice, true);
        FourEyes.holdsAuthority(
                user,
                assessment.required(),
                AuthorityTable.CREDIT,
                assessment.granted() + " " + assessment.currency() + " beyond the limit");
    }

    private void checkSecondApproval(Map<String, Object> context, CurrentUser user) {
        Object approvalId = context.get("approvalId");
        CreditApproval approval = approvalId == null
                ? null
                : reviews.find(Long.parseLong(approvalId.toString())).orElse(null);
        if (approval == null) {
            throw new IllegalCreditTransitionException("the approval to confirm no longer exists");
        }
        FourEyes.secondPerson(
                user,
                approval.getApprovedBy(),
                "the first approval of order " + approval.getOrderId(),
                approval.getAuthorityGroup(),
                AuthorityTable.CREDIT);
    }

    private static long orderId(Map<String, Object> context) {
        return Long.parseLong(String.valueOf(context.get("orderId")));
    }
}
