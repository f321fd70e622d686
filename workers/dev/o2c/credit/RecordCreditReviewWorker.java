package dev.o2c.credit;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * record-credit-review: documents the reviewer's decision, with their name and reason; an approval is recorded with
 * the authority it needs, and the process learns whether a second approver must confirm it.
 */
@Component
public class RecordCreditReviewWorker {

    private final CreditReviews reviews;

    RecordCreditReviewWorker(CreditReviews reviews) {
        this.reviews = reviews;
    }

    @JobWorker(
            type = "record-credit-review",
            fetchVariables = {
                "orderId",
                ReviewChoice.OUTCOME,
                ReviewChoice.NEW_CREDIT_LIMIT,
                ReviewChoice.PREPAYMENT_AMOUNT,
                ReviewChoice.COMMENT,
                "completedBy"
            })
    public Map<String, Object> record(ActivatedJob job, @Variable Long orderId, @Variable String completedBy) {
        ReviewChoice choice = ReviewChoice.fromForm(job.getVariablesAsMap());
        Optional<CreditApproval> approval = reviews.recordReview(orderId, choice, completedBy, "job-" + job.getKey());
        // null clears what an earlier round of review left behind
        Map<String, Object> result = new HashMap<>();
        result.put("approvalId", approval.map(CreditApproval::getId).orElse(null));
        result.put(
                "secondApproverRequired",
                approval.map(CreditApproval::isSecondApproverRequired).orElse(false));
        result.put(
                "approvalGroup", approval.map(CreditApproval::getAuthorityGroup).orElse(null));
        result.put(
                "approvalAuthority", approval.map(CreditApproval::getAuthority).orElse(null));
        result.put(
                "approvedOverLimit",
                approval.map(CreditApproval::getAmountOverLimit).orElse(null));
        result.put("firstApprover", approval.map(CreditApproval::getApprovedBy).orElse(null));
        return result;
    }
}
