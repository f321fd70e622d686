package dev.o2c.tasks;

import dev.o2c.platform.security.CurrentUser;
import java.util.Map;

/**
 * A business rule that may forbid a particular person from completing a particular task. Two steps, so that a person
 * who may not complete the task at all is told so (403) before anything about their answer (400): {@link #authorize}
 * runs before the answer is checked against the form, {@link #check} after.
 */
public interface TaskCompletionGuard {

    /**
     * Throws NotPermittedException (403) when {@code user} may not complete {@code task} whatever they answer (four
     * eyes: who asked, who approved first), or a domain exception when the task's subject no longer awaits it. Runs
     * before the answer is read. {@code context} holds the process variables the task was created with.
     */
    default void authorize(HumanTask task, Map<String, Object> context, CurrentUser user) {}

    /**
     * After the answer passed its form's checks: throws NotPermittedException (403) when what {@code user} answered
     * needs an authority they lack (approving an amount), or InvalidValueException (400, naming the field) when the
     * answer makes no business sense. {@code context} holds the process variables the task was created with.
     */
    default void check(HumanTask task, Map<String, Object> answers, Map<String, Object> context, CurrentUser user) {}
}
