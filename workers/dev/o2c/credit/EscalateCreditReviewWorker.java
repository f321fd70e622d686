package dev.o2c.credit;

import dev.o2c.orders.OrderService;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskWithdrawal;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/** escalate-credit-review: the review SLA ran out; the untouched task leaves the analysts' inbox. */
@Component
public class EscalateCreditReviewWorker {

    static final String REVIEW_TASK = "Task_ReviewCredit";

    private final TaskWithdrawal withdrawal;
    private final OrderService orders;

    EscalateCreditReviewWorker(TaskWithdrawal withdrawal, OrderService orders) {
        this.withdrawal = withdrawal;
        this.orders = orders;
    }

    @JobWorker(type = "escalate-credit-review")
    public void escalate(ActivatedJob job, @Variable Long orderId, @Variable String reviewSla) {
        withdrawal.closeOpen(
                job.getProcessInstanceKey(),
                REVIEW_TASK,
                HumanTask.Status.ESCALATED,
                "review SLA of " + reviewSla + " exceeded; escalated to credit-managers");
        orders.moveToReview(orderId, "system", "review escalated to credit-managers");
    }
}
