package dev.o2c.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
@Allowed(Allowed.ANY_USER)
class TaskController {

    private final TaskInbox inbox;
    private final List<TaskContextProvider> contexts;

    TaskController(TaskInbox inbox, List<TaskContextProvider> contexts) {
        this.inbox = inbox;
        this.contexts = contexts;
    }

    /** The business context beside the form: customer, credit, invoices, decision reasons, bank entry... */
    @GetMapping("/{id}/context")
    Map<String, Object> context(@PathVariable long id) {
        HumanTask task = inbox.visibleTo(id, CurrentUser.get());
        return contexts.stream()
                .filter(provider -> provider.describes(task))
                .findFirst()
                .map(provider -> provider.contextOf(task, inbox.variablesOf(task)))
                .orElse(Map.of());
    }

    @PostMapping("/{id}/claim")
    TaskView claim(@PathVariable long id) {
        return view(inbox.claim(id, CurrentUser.get()), false);
    }

    @PostMapping("/{id}/unclaim")
    TaskView unclaim(@PathVariable long id) {
        return view(inbox.unclaim(id, CurrentUser.get()), false);
    }

    /** Open tasks the caller's groups may work on, with the business context to pick one. */
    @GetMapping
    List<TaskView> open() {
        return inbox.openFor(CurrentUser.get()).stream()
                .map(task -> view(task, false))
                .toList();
    }

    @GetMapping("/{id}")
    TaskView get(@PathVariable long id) {
        return view(inbox.visibleTo(id, CurrentUser.get()), true);
    }

    @PostMapping("/{id}/complete")
    TaskView complete(@PathVariable long id, @Valid @RequestBody CompleteTask request) {
        return view(inbox.complete(id, request.variables(), CurrentUser.get()), false);
    }

    private TaskView view(HumanTask task, boolean withForm) {
        JsonNode form = withForm ? inbox.formOf(task).map(FormSchema::json).orElse(null) : null;
        return new TaskView(
                task.getJobKey(),
                task.getName(),
                task.getElementId(),
                task.getProcessId(),
                task.getProcessInstanceKey(),
                task.getBusinessKey(),
                task.getCustomerId(),
                task.getAmount(),
                task.getCurrency(),
                task.candidateGroups(),
                task.getAssignee(),
                task.getStatus(),
                task.getCreatedAt(),
                task.getDueAt(),
                task.getFormId(),
                inbox.variablesOf(task),
                form);
    }

    record CompleteTask(@NotNull Map<String, Object> variables) {}

    record TaskView(
            long id,
            String name,
            String elementId,
            String processId,
            long processInstanceKey,
            String businessKey,
            Long customerId,
            BigDecimal amount,
            String currency,
            List<String> candidateGroups,
            String assignee,
            HumanTask.Status status,
            Instant createdAt,
            Instant dueAt,
            String formId,
            Map<String, Object> variables,
            JsonNode formSchema) {}
}
