package dev.o2c.credit;

import dev.o2c.credit.CreditDecision.Outcome;
import dev.o2c.platform.security.Groups;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
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

    @JobWorker(type = "record-credit-decision", fetchAllVariables = true)
    public Map<String, Object> record(
            ActivatedJob job, @Variable Long orderId, @Variable Map<String, Object> creditDecision) {
        Outcome outcome = Outcome.valueOf(String.valueOf(creditDecision.get("outcome")));
        String reason = String.valueOf(creditDecision.get("reason"));
        Map<String, Object> inputs = new HashMap<>(job.getVariablesAsMap());
        inputs.keySet()
                .retainAll(java.util.Set.of(
                        "orderAmount",
                        "currency",
                        "creditLimit",
                        "exposure",
                        "availableCredit",
                        "onCreditHold",
                        "riskClass",
                        "maxDaysOverdue",
                        "invoicesPastFinalNotice",
                        // what the credit bureau said, or that the decision was taken without it
                        "bureauAvailable",
                        "bureauStatus",
                        "bureauRating",
                        "bureauScore",
                        "bureauInsolvent"));
        decisions.recordPolicyDecision(
                orderId, outcome, reason, new java.util.TreeMap<>(inputs).toString(), "job-" + job.getKey());
        Object group = creditDecision.get("reviewGroup");
        String policyGroup = group == null ? DEFAULT_REVIEW_GROUP : group.toString();
        // a review goes to a group that may approve the order as it stands (approval-authority), not to one that can
        // only reject it
        String reviewGroup = outcome == Outcome.REVIEW ? reviews.reviewGroupFor(orderId, policyGroup) : policyGroup;
        return Map.of("reviewGroup", reviewGroup, "reviewReason", reason);
    }
}
