package dev.o2c.credit;

import dev.o2c.platform.security.CurrentUser;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskCompletionGuard;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Four eyes: whoever placed an order may not approve its credit, neither first nor as the second approver. */
@Component
class FourEyesGuard implements TaskCompletionGuard {

    @Override
    public void authorize(HumanTask task, Map<String, Object> variables, CurrentUser user) {
        boolean creditDecision = ApprovalAuthorityGuard.REVIEW_FORM.equals(task.getFormId())
                || ApprovalAuthorityGuard.SECOND_APPROVAL_FORM.equals(task.getFormId());
        if (creditDecision) {
            FourEyes.notTheRequester(
                    user, String.valueOf(variables.get("placedBy")), "placed order " + variables.get("orderId"));
        }
    }
}
