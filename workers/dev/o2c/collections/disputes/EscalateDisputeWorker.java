package dev.o2c.collections.disputes;

import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskWithdrawal;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * escalate-dispute: the routed team missed the SLA. Its untouched task leaves their inbox and the dispute is marked
 * ESCALATED (audited) for credit managers.
 */
@Component
public class EscalateDisputeWorker {

    static final String RESOLVE_TASK = "Task_ResolveDispute";

    private final Disputes disputes;
    private final TaskWithdrawal withdrawal;

    EscalateDisputeWorker(Disputes disputes, TaskWithdrawal withdrawal) {
        this.disputes = disputes;
        this.withdrawal = withdrawal;
    }

    @JobWorker(type = "escalate-dispute")
    public void escalate(ActivatedJob job, @Variable Long disputeId) {
        withdrawal.closeOpen(
                job.getProcessInstanceKey(),
                RESOLVE_TASK,
                HumanTask.Status.ESCALATED,
                "dispute SLA exceeded; escalated to credit-managers");
        disputes.escalate(disputeId);
    }
}
