package dev.o2c.credit;

import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskInbox;
import io.camunda.client.annotation.JobWorker;
import org.springframework.stereotype.Component;

/** withdraw-credit-review: the customer paid meanwhile; the open review leaves the inbox and credit is re-checked. */
@Component
public class WithdrawCreditReviewWorker {

  private final TaskInbox inbox;

  WithdrawCreditReviewWorker(TaskInbox inbox) {
    this.inbox = inbox;
  }

  @JobWorker(type = "withdraw-credit-review")
  public void withdraw(io.camunda.client.api.response.ActivatedJob job) {
    String reason = "customer paid while the order waited for review; credit is checked again";
    inbox.closeOpen(job.getProcessInstanceKey(), "Task_ReviewCredit", HumanTask.Status.CANCELED, reason);
    inbox.closeOpen(job.getProcessInstanceKey(), "Task_ReviewCreditEscalated", HumanTask.Status.CANCELED, reason);
  }
}
