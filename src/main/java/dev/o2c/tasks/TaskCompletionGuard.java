package dev.o2c.tasks;

import dev.o2c.platform.security.CurrentUser;
import java.util.Map;

/** A business rule that may forbid a particular person from completing a particular task. */
public interface TaskCompletionGuard {

    /**
     * Throws a domain exception (NotPermittedException, 403, when {@code user} may not complete {@code task}, an InvalidValueException, 400 naming the field, when the
     * {@code answers} make no business sense). {@code context} holds the process variables the task was created with.
     */
    void check(HumanTask task, Map<String, Object> answers, Map<String, Object> context, CurrentUser user);
}
