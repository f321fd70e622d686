package dev.o2c.tasks;

import dev.o2c.platform.audit.AuditLog;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes tasks out of the inbox when the engine no longer waits for them (escalated, interrupted by a message). */
@Service
public class TaskWithdrawal {

    private final HumanTaskRepository tasks;
    private final AuditLog audit;
    private final Clock clock;

    TaskWithdrawal(HumanTaskRepository tasks, AuditLog audit, Clock clock) {
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    /** The engine replaced a task (escalation): close our copy so nobody works on it. */
    @Transactional
    public int closeOpen(long processInstanceKey, String elementId, HumanTask.Status outcome, String reason) {
        return close(
                tasks.findByProcessInstanceKeyAndElementIdAndStatus(
                        processInstanceKey, elementId, HumanTask.Status.OPEN),
                outcome,
                reason);
    }

    /** Closes every open task of a process instance (the engine interrupted them). */
    @Transactional
    public int closeAllOpen(long processInstanceKey, HumanTask.Status outcome, String reason) {
        return close(
                tasks.findByProcessInstanceKeyOrderByCreatedAtAsc(processInstanceKey).stream()
                        .filter(task -> task.getStatus() == HumanTask.Status.OPEN)
                        .toList(),
                outcome,
                reason);
    }

    private int close(List<HumanTask> open, HumanTask.Status outcome, String reason) {
        for (HumanTask task : open) {
            task.close(outcome, "system", clock.instant());
            audit.record("system", "TASK_" + outcome, "task", task.getJobKey(), task.getName(), reason);
        }
        return open.size();
    }
}
