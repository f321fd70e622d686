package dev.o2c.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o2c.platform.engine.ProcessModels;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a user-task job from the engine into the inbox: its form and name from the model, its candidate groups and
 * due date from the job's headers, its subject from the process variables. A redelivered job finds its row.
 */
@Service
public class TaskRegistration {

    static final String CANDIDATE_GROUPS_HEADER = "io.camunda.zeebe:candidateGroups";
    static final String DUE_DATE_HEADER = "io.camunda.zeebe:dueDate";

    private final HumanTaskRepository tasks;
    private final ProcessModels models;
    private final ObjectMapper json;
    private final Clock clock;

    TaskRegistration(HumanTaskRepository tasks, ProcessModels models, ObjectMapper json, Clock clock) {
        this.tasks = tasks;
        this.models = models;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public HumanTask register(ActivatedJob job) {
        return tasks.findById(job.getKey()).orElseGet(() -> {
            TaskSubject subject = job.getVariablesAsType(TaskSubject.class);
            HumanTask task = new HumanTask(
                    job.getKey(),
                    job.getProcessInstanceKey(),
                    job.getBpmnProcessId(),
                    job.getElementId(),
                    models.elementName(job.getBpmnProcessId(), job.getElementId()),
                    models.formId(job.getBpmnProcessId(), job.getElementId()).orElse(null),
                    candidateGroups(job.getCustomHeaders().get(CANDIDATE_GROUPS_HEADER)),
                    subject.businessKey(),
                    subject.customerId(),
                    subject.amountAtStake(),
                    subject.currency(),
                    job.getVariables(),
                    clock.instant(),
                    dueAt(job.getCustomHeaders().get(DUE_DATE_HEADER)));
            return tasks.save(task);
        });
    }

    /** Zeebe writes the groups as a JSON array; a model written by hand may list them comma-separated. */
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

    /**
     * Zeebe writes a due date computed in FEEL (e.g. {@code now() + duration("P3D")}) with its zone after the offset,
     * {@code 2026-12-06T11:48:24.001Z[Etc/UTC]}; one written as a literal has only the offset. Both parse here.
     */
    static Instant dueAt(String header) {
        return header == null || header.isBlank()
                ? null
                : ZonedDateTime.parse(header).toInstant();
    }
}
