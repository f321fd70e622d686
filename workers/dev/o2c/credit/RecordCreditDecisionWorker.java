package dev.o2c.credit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.o2c.credit.CreditDecision.Outcome;
import dev.o2c.platform.security.Groups;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** record-credit-decision: documents the policy's verdict and, on REVIEW, routes it to the right group. */
@Component
public class RecordCreditDecisionWorker {

    static final String DEFAULT_REVIEW_GROUP = Groups.CREDIT_ANALYSTS;

    private final CreditDecisions decisions;
    private final CreditReviews reviews;

    RecordCreditDecisionWorker(CreditDecisions decisions, CreditReviews reviews) {
        this.decisions = decisions;
        this.reviews = reviews;
    }

    /** The credit-decision DMN's result (the process variable {@code creditDecision}), by the table's output names. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PolicyVerdict(Outcome outcome, String reason, String reviewGroup) {}

    @JobWorker(type = "record-credit-decision", fetchAllVariables = true)
    public Map<String, Object> record(
            ActivatedJob job,
            @Variable Long orderId,
            @Variable PolicyVerdict creditDecision,
            @VariablesAsType CreditPolicyInputs inputs) {
        Outcome outcome = creditDecision.outcome();
        String reason = creditDecision.reason();
        decisions.recordPolicyDecision(orderId, outcome, reason, inputs.toJson(), "job-" + job.getKey());
        String policyGroup = creditDecision.reviewGroup() == null ? DEFAULT_REVIEW_GROUP : creditDecision.reviewGroup();
        // a review goes to a group that may approve the order as it stands (approval-authority), not to one that can
        // only reject it
        String reviewGroup = outcome == Outcome.REVIEW ? reviews.reviewGroupFor(orderId, policyGroup) : policyGroup;
        return Map.of("reviewGroup", reviewGroup, "reviewReason", reason);
    }
}
