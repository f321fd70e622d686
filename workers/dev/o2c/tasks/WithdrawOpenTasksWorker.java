package dev.o2c.tasks;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * withdraw-open-tasks: a message interrupted a human task (the customer paid meanwhile). The engine has cancelled the
 * task; its copy leaves the inbox so nobody works on a case that changed under them.
 */
@Component
public class WithdrawOpenTasksWorker {

    private final TaskWithdrawal withdrawal;

    WithdrawOpenTasksWorker(TaskWithdrawal withdrawal) {
        this.withdrawal = withdrawal;
    }

    @JobWorker(type = "withdraw-open-tasks")
    public void withdraw(ActivatedJob job) {
        withdrawal.closeAllOpen(
                job.getProcessInstanceKey(),
                HumanTask.Status.CANCELED,
                "the customer paid while the task was open: " + job.getElementId());
    }
}
