package dev.o2c.credit;

import dev.o2c.credit.CreditDecision.Outcome;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/** record-credit-review: documents the reviewer's decision, with their name and reason. */
@Component
public class RecordCreditReviewWorker {

  private final CreditDecisions decisions;

  RecordCreditReviewWorker(CreditDecisions decisions) {
    this.decisions = decisions;
  }

  @JobWorker(type = "record-credit-review")
  public void record(ActivatedJob job, @Variable Long orderId, @Variable String reviewOutcome,
      @Variable String reviewComment, @Variable String completedBy) {
    decisions.recordReview(orderId, Outcome.valueOf(reviewOutcome), reviewComment, completedBy,
        "job-" + job.getKey());
  }
}
