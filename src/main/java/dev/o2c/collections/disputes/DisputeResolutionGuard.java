package dev.o2c.collections.disputes;

import dev.o2c.platform.security.CurrentUser;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskCompletionGuard;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Before a "Resolve dispute" task's job is completed: the answer must be one the process can carry out (an accepted
 * part no larger than the disputed amount, a reason for a rejection), so the resolver hears it now, not an operator
 * from an incident later.
 */
@Component
class DisputeResolutionGuard implements TaskCompletionGuard {

    static final String FORM = "dispute-resolution";

    private final Disputes disputes;

    DisputeResolutionGuard(Disputes disputes) {
        this.disputes = disputes;
    }

    @Override
    public void check(HumanTask task, Map<String, Object> answers, Map<String, Object> context, CurrentUser user) {
        if (!FORM.equals(task.getFormId())) {
            return;
        }
        // the form check ran first: the outcome is one of the form's options, the amount a number
        DisputeOutcome outcome = DisputeOutcome.valueOf(String.valueOf(answers.get("disputeOutcome")));
        Object accepted = answers.get("acceptedAmount");
        Object reason = answers.get("rejectionReason");
        disputes.checkResolution(
                Long.parseLong(String.valueOf(context.get("disputeId"))),
                outcome,
                accepted == null ? null : new BigDecimal(accepted.toString()),
                reason == null ? null : reason.toString());
    }
}
