package dev.o2c.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o2c.platform.audit.AuditLog;
import dev.o2c.platform.errors.NotPermittedException;
import dev.o2c.platform.security.CurrentUser;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status.Code;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox of job-based user tasks as people use it: what is open for them, claiming, and completing. The engine
 * hands each task to us as a job (TaskRegistration keeps it); a person in one of its candidate groups completes it,
 * their answers checked against the form (FormValidator) and the domain (each TaskCompletionGuard), and only then is
 * the job completed. Tasks the engine stops waiting for leave through TaskWithdrawal.
 */
@Service
public class TaskInbox {

    /** Keys per query of {@link #dueDatesIn}: far below PostgreSQL's limit on bind parameters. */
    private static final int DUE_DATES_PER_QUERY = 1_000;

    private final HumanTaskRepository tasks;
    private final FormRegistry forms;
    private final FormValidator validator;
    private final List<TaskCompletionGuard> guards;
    private final CamundaClient client;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    TaskInbox(
            HumanTaskRepository tasks,
            FormRegistry forms,
            FormValidator validator,
            List<TaskCompletionGuard> guards,
            CamundaClient client,
            AuditLog audit,
            ObjectMapper json,
            Clock clock) {
        this.tasks = tasks;
        this.forms = forms;
        this.validator = validator;
        this.guards = guards;
        this.client = client;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** How many tasks wait for someone on the given form, whoever may take them (for dashboards). */
    @Transactional(readOnly = true)
    public long countOpen(String formId) {
        return tasks.countByStatusAndFormId(HumanTask.Status.OPEN, formId);
    }

    @Transactional(readOnly = true)
    public List<HumanTask> openFor(CurrentUser user) {
        return tasks.findByStatusOrderByCreatedAtAsc(HumanTask.Status.OPEN).stream()
                .filter(task -> user.inAnyGroup(task.candidateGroups()))
                .toList();
    }

    /** Whether one of the user's groups has, or had, a task in this process instance (open, done or withdrawn). */
    @Transactional(readOnly = true)
    public boolean hadTaskIn(long processInstanceKey, CurrentUser user) {
        return tasks.findByProcessInstanceKeyOrderByCreatedAtAsc(processInstanceKey).stream()
                .anyMatch(task -> user.inAnyGroup(task.candidateGroups()));
    }

    /**
     * For each of these process instances whose tasks have a due date (the model's {@code zeebe:taskSchedule}), that of
     * its latest such task, whatever became of it since (open, done or withdrawn): when the stage the work is in, or
     * ended in, was due. An escalated task replaces the one it escalated, so its own due date is the one that counts.
     */
    @Transactional(readOnly = true)
    public Map<Long, Instant> dueDatesIn(Collection<Long> processInstanceKeys) {
        Map<Long, HumanTask> latest = new HashMap<>();
        List<Long> keys = List.copyOf(processInstanceKeys);
        for (int from = 0; from < keys.size(); from += DUE_DATES_PER_QUERY) {
            tasks
                    .findByProcessInstanceKeyIn(keys.subList(from, Math.min(keys.size(), from + DUE_DATES_PER_QUERY)))
                    .stream()
                    .filter(task -> task.getDueAt() != null)
                    .forEach(task -> latest.merge(task.getProcessInstanceKey(), task, TaskInbox::later));
        }
        Map<Long, Instant> due = new HashMap<>();
        latest.forEach((key, task) -> due.put(key, task.getDueAt()));
        return due;
    }

    /** The task created later; of two created at the same instant, the one the engine created later (its job key). */
    private static HumanTask later(HumanTask a, HumanTask b) {
        int byCreation = a.getCreatedAt().compareTo(b.getCreatedAt());
        if (byCreation != 0) {
            return byCreation > 0 ? a : b;
        }
        return a.getJobKey() > b.getJobKey() ? a : b;
    }

    @Transactional(readOnly = true)
    public HumanTask visibleTo(long jobKey, CurrentUser user) {
        HumanTask task = tasks.findById(jobKey).orElseThrow(() -> new TaskNotFoundException("task", jobKey));
        if (!user.inAnyGroup(task.candidateGroups())) {
            throw new NotPermittedException("task " + jobKey + " is for " + task.candidateGroups());
        }
        return task;
    }

    /** Takes the task so colleagues see it is being worked on; someone else's claim is a conflict. */
    @Transactional
    public HumanTask claim(long jobKey, CurrentUser user) {
        HumanTask task = openVisibleTo(jobKey, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.name())) {
            throw new IllegalTaskTransitionException("task " + jobKey + " is claimed by " + task.getAssignee());
        }
        task.assignTo(user.name());
        return task;
    }

    @Transactional
    public HumanTask unclaim(long jobKey, CurrentUser user) {
        HumanTask task = openVisibleTo(jobKey, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.name())) {
            throw new IllegalTaskTransitionException(
                    "task " + jobKey + " is claimed by " + task.getAssignee() + ", not by you");
        }
        task.assignTo(null);
        return task;
    }

    private HumanTask openVisibleTo(long jobKey, CurrentUser user) {
        HumanTask task = visibleTo(jobKey, user);
        if (task.getStatus() != HumanTask.Status.OPEN) {
            throw new IllegalTaskTransitionException("task " + jobKey + " is " + task.getStatus());
        }
        return task;
    }

    public Map<String, Object> variablesOf(HumanTask task) {
        try {
            return json.readValue(task.getVariables(), new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("task " + task.getJobKey() + " has unreadable variables", e);
        }
    }

    public java.util.Optional<FormSchema> formOf(HumanTask task) {
        return forms.find(task.getFormId());
    }

    /**
     * Validates the answers against the form, lets each guard veto (four eyes), completes the job in the engine and
     * only then marks the task done. The engine refusing (task gone) changes nothing here but the task's status.
     */
    @Transactional(noRollbackFor = TaskGoneException.class)
    public HumanTask complete(long jobKey, Map<String, Object> answers, CurrentUser user) {
        HumanTask task = openVisibleTo(jobKey, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.name())) {
            // A claim says "I am on it": a colleague (admins included) must ask them to unclaim it first.
            throw new IllegalTaskTransitionException("task " + jobKey + " is claimed by " + task.getAssignee()
                    + "; only they can complete it until they unclaim it");
        }
        Map<String, Object> context = variablesOf(task);
        // authorise before validating: who may not complete this task at all hears 403, not what is wrong in the answer
        guards.forEach(guard -> guard.authorize(task, context, user));
        formOf(task).ifPresent(form -> validator.validate(form, answers, context));
        guards.forEach(guard -> guard.check(task, answers, context, user));
        Map<String, Object> result = new HashMap<>(answers);
        result.put("completedBy", user.name());
        try {
            client.newCompleteCommand(jobKey).variables(result).send().join();
        } catch (ClientStatusException e) {
            if (e.getStatusCode() == Code.NOT_FOUND) {
                task.close(HumanTask.Status.CANCELED, "engine", clock.instant());
                throw new TaskGoneException(jobKey);
            }
            throw e;
        }
        task.complete(user.name(), clock.instant());
        audit.record(
                user.name(),
                "TASK_COMPLETED",
                "task",
                jobKey,
                task.getName() + " for " + task.getBusinessKey() + ": " + answers,
                noteIn(answers));
        return task;
    }

    private static String noteIn(Map<String, Object> answers) {
        return Stream.of("reviewComment", "followUpNote", "matchNote")
                .map(answers::get)
                .filter(Objects::nonNull)
                .map(String::valueOf)
                .findFirst()
                .orElse(null);
    }

    /** The engine no longer has this task (escalated, cancelled); the caller gets 409. */
    public static class TaskGoneException extends IllegalTaskTransitionException {
        TaskGoneException(long jobKey) {
            super("task " + jobKey + " no longer exists in the engine (escalated or cancelled)");
        }
    }
}
