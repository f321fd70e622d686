package dev.o2c.credit;

import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.web.ApiProblem;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskCompletionGuard;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Four eyes: whoever placed an order may not approve its credit. */
@Component
class FourEyesGuard implements TaskCompletionGuard {

  @Override
  public void check(HumanTask task, Map<String, Object> answers, Map<String, Object> variables,
      CurrentUser user) {
    if ("credit-review".equals(task.getFormId()) && user.name().equals(variables.get("placedBy"))) {
      throw ApiProblem.forbidden("four eyes: " + user.name() + " placed order " + variables.get("orderId")
          + " and cannot review its credit");
    }
  }
}
