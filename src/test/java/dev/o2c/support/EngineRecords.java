package dev.o2c.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o2c.tasks.HumanTask;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.stereotype.Component;

/** Reads the engine's own record stream: which elements an instance passed and whether it ended. */
@Component
public class EngineRecords {

    private static final String DUE_DATE_HEADER = "io.camunda.zeebe:dueDate";

    private final ZeebeTestEngine engine;

    EngineRecords(ZeebeTestEngine engine) {
        this.engine = engine;
    }

    /** Element ids the instance (and the instances it called) completed, in order. */
    public List<String> completedElements(long processInstanceKey) {
        List<String> ids = new ArrayList<>();
        for (Record<ProcessInstanceRecordValue> record : processInstanceRecords()) {
            ProcessInstanceRecordValue value = record.getValue();
            boolean ours = value.getProcessInstanceKey() == processInstanceKey
                    || value.getParentProcessInstanceKey() == processInstanceKey;
            if (ours && record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED) {
                ids.add(value.getElementId());
            }
        }
        return ids;
    }

    public void awaitCompleted(long processInstanceKey, String elementId) {
        await().atMost(Scenario.PATIENCE)
                .until(() -> completedElements(processInstanceKey).contains(elementId));
    }

    public void awaitTerminated(long processInstanceKey, String elementId) {
        await().atMost(Scenario.PATIENCE).until(() -> processInstanceRecords().stream()
                .anyMatch(record -> record.getValue().getProcessInstanceKey() == processInstanceKey
                        && record.getValue().getElementId().equals(elementId)
                        && record.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED));
    }

    /** The error messages of the incidents raised in the instance, oldest first. */
    public List<String> incidentMessages(long processInstanceKey) {
        return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
                .filter(record ->
                        record.getValueType() == ValueType.INCIDENT && record.getIntent() == IncidentIntent.CREATED)
                .map(record -> (IncidentRecordValue) record.getValue())
                .filter(incident -> incident.getProcessInstanceKey() == processInstanceKey)
                .map(IncidentRecordValue::getErrorMessage)
                .toList();
    }

    /** The job types of the instance whose jobs a worker failed (each failure once), oldest first. */
    public List<String> failedJobTypes(long processInstanceKey) {
        return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
                .filter(record -> record.getValueType() == ValueType.JOB && record.getIntent() == JobIntent.FAILED)
                .map(record -> (JobRecordValue) record.getValue())
                .filter(job -> job.getProcessInstanceKey() == processInstanceKey)
                .map(JobRecordValue::getType)
                .toList();
    }

    /** The instances of the process the engine created with a start variable {@code name} of {@code value}. */
    public Set<Long> instancesOf(String bpmnProcessId, String name, long value) {
        Set<Long> withVariable = StreamSupport.stream(
                        engine.getRecordStreamSource().getRecords().spliterator(), false)
                .filter(record -> record.getValueType() == ValueType.VARIABLE)
                .map(record -> (VariableRecordValue) record.getValue())
                .filter(variable ->
                        variable.getName().equals(name) && variable.getValue().equals(String.valueOf(value)))
                .map(VariableRecordValue::getProcessInstanceKey)
                .collect(Collectors.toSet());
        return processInstanceRecords().stream()
                .filter(record -> record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
                .map(Record::getValue)
                .filter(instance -> instance.getBpmnElementType() == BpmnElementType.PROCESS
                        && instance.getBpmnProcessId().equals(bpmnProcessId)
                        && withVariable.contains(instance.getProcessInstanceKey()))
                .map(ProcessInstanceRecordValue::getProcessInstanceKey)
                .collect(Collectors.toSet());
    }

    /**
     * The inbox holds the task as due {@code policy} after the engine created it: the model's {@code zeebe:taskSchedule
     * dueDate}, {@code now() + duration(...)}, which the engine evaluates on its clock while it processes the command
     * that creates the task's job, so {@code now()} lies between that command's record and the job's. The inbox keeps
     * the very instant the engine wrote into the job (a zoned date-time), to the millisecond.
     */
    public void assertDueAfterCreation(HumanTask task, Duration policy) {
        List<Record<?>> records = new ArrayList<>();
        engine.getRecordStreamSource().getRecords().forEach(records::add);
        Record<?> created = records.stream()
                .filter(record -> record.getValueType() == ValueType.JOB
                        && record.getIntent() == JobIntent.CREATED
                        && record.getKey() == task.getJobKey())
                .findFirst()
                .orElseThrow(() -> new AssertionError("the engine created no job " + task.getJobKey()));
        Record<?> command = records.stream()
                .filter(record -> record.getPosition() == created.getSourceRecordPosition())
                .findFirst()
                .orElseThrow();
        String written =
                ((JobRecordValue) created.getValue()).getCustomHeaders().get(DUE_DATE_HEADER);
        assertThat(written).as("%s has a due date", task.getElementId()).isNotBlank();
        assertThat(task.getDueAt())
                .as("%s as the engine wrote it", task.getElementId())
                .isEqualTo(ZonedDateTime.parse(written).toInstant());
        assertThat(task.getDueAt())
                .as("%s due %s after the engine created it", task.getElementId(), policy)
                .isBetween(
                        Instant.ofEpochMilli(command.getTimestamp()).plus(policy),
                        Instant.ofEpochMilli(created.getTimestamp()).plus(policy));
    }

    @SuppressWarnings("unchecked")
    private List<Record<ProcessInstanceRecordValue>> processInstanceRecords() {
        return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
                .filter(record -> record.getValueType() == ValueType.PROCESS_INSTANCE)
                .map(record -> (Record<ProcessInstanceRecordValue>) record)
                .toList();
    }
}
