package dev.o2c.tasks;

import dev.o2c.platform.security.CurrentUser;
import java.util.Map;

/** A business rule that may forbid a particular person from completing a particular task. */
public interface TaskCompletionGuard {

  /** Throws an ApiProblem (403) when {@code user} may not complete {@code task}. */
  void check(HumanTask task, Map<String, Object> variables, CurrentUser user);
}
