package dev.o2c.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o2c.platform.audit.AuditLog;
import dev.o2c.platform.engine.ProcessModels;
import dev.o2c.platform.errors.NotPermittedException;
import dev.o2c.platform.security.CurrentUser;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.grpc.Status.Code;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox of job-based user tasks. The engine hands each task to us as a job; we keep it until a person in one of
 * its candidate groups completes it, then complete the job with their answers.
 */
@Service
public class TaskInbox {

    static final String CANDIDATE_GROUPS_HEADER = "io.camunda.zeebe:candidateGroups";
    static final String DUE_DATE_HEADER = "io.camunda.zeebe:dueDate";

    private final HumanTaskRepository tasks;
    private final ProcessModels models;
    private final FormRegistry forms;
    private final FormValidator validator;
    private final List<TaskCompletionGuard> guards;
    private final CamundaClient client;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    TaskInbox(
            HumanTaskRepository tasks,
            ProcessModels models,
            FormRegistry forms,
            FormValidator validator,
            List<TaskCompletionGuard> guards,
            CamundaClient client,
            AuditLog audit,
            ObjectMapper json,
            Clock clock) {
        this.tasks = tasks;
        this.models = models;
        this.forms = forms;
        this.validator = validator;
        this.guards = guards;
        this.client = client;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** Called for every activation of a user-task job; a redelivered job finds its row and leaves it alone. */
    @Transactional
    public HumanTask register(ActivatedJob job) {
        return tasks.findById(job.getKey()).orElseGet(() -> {
            Map<String, Object> variables = job.getVariablesAsMap();
            HumanTask task = new HumanTask(
                    job.getKey(),
                    job.getProcessInstanceKey(),
                    job.getBpmnProcessId(),
                    job.getElementId(),
                    models.elementName(job.getBpmnProcessId(), job.getElementId()),
                    models.formId(job.getBpmnProcessId(), job.getElementId()).orElse(null),
                    candidateGroups(job.getCustomHeaders().get(CANDIDATE_GROUPS_HEADER)),
                    businessKey(variables),
                    asLong(variables.get("customerId")),
                    amount(variables),
                    (String) variables.get("currency"),
                    toJson(variables),
                    clock.instant(),
                    dueAt(job.getCustomHeaders().get(DUE_DATE_HEADER)));
            return tasks.save(task);
        });
    }

    @Transactional(readOnly = true)
    public List<HumanTask> openFor(CurrentUser user) {
        return tasks.findByStatusOrderByCreatedAtAsc(HumanTask.Status.OPEN).stream()
                .filter(task -> user.inAnyGroup(task.candidateGroups()))
                .toList();
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

    private List<String> candidateGroups(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.asList(json.readValue(header, String[].class));
        } catch (JsonProcessingException e) {
            return Arrays.stream(header.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
    }

    private static String businessKey(Map<String, Object> variables) {
        for (String key : List.of("invoiceNumber", "statementEntryId")) {
            if (variables.get(key) != null) {
                return variables.get(key).toString();
            }
        }
        if (variables.get("orderId") != null) {
            return "ORDER-" + variables.get("orderId");
        }
        // credit-limit-review
        return variables.get("reviewId") == null ? null : "LIMIT-REVIEW-" + variables.get("reviewId");
    }

    private static BigDecimal amount(Map<String, Object> variables) {
        Object amount = Stream.of("openAmount", "orderAmount", "amount")
                .map(variables::get)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        return amount == null ? null : new BigDecimal(amount.toString());
    }

    private static Long asLong(Object value) {
        return value == null ? null : Long.valueOf(value.toString());
    }

    private static Instant dueAt(String header) {
        return header == null || header.isBlank()
                ? null
                : OffsetDateTime.parse(header).toInstant();
    }

    private String toJson(Map<String, Object> variables) {
        try {
            return json.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The engine no longer has this task (escalated, cancelled); the caller gets 409. */
    public static class TaskGoneException extends IllegalTaskTransitionException {
        TaskGoneException(long jobKey) {
            super("task " + jobKey + " no longer exists in the engine (escalated or cancelled)");
        }
    }
}
