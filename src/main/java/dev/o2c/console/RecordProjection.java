package dev.o2c.console;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.Process;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies engine records to the console's tables. Each change is keyed (upserts, state moves), so applying a record
 * twice leaves the same rows; the position of the last applied record is kept with them, in the same transaction.
 * Whatever delivers the records (the embedded engine's stream here, an exporter in a cluster) uses this.
 *
 * <p>One record must never stop the console: a record that cannot be applied is logged, kept in
 * {@code console_skipped_record} with its position and reason, and passed over. A batch is applied in one transaction
 * (cheap); only when it fails are its records applied again one transaction each, so that the bad one is found and
 * the good ones around it are kept.
 */
@Component
public class RecordProjection {

    private static final Logger log = LoggerFactory.getLogger(RecordProjection.class);

    private final JdbcTemplate jdbc;
    private final ConsoleColumns columns;
    private final TransactionTemplate transaction;

    RecordProjection(JdbcTemplate jdbc, ConsoleColumns columns, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.columns = columns;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The kinds of record the console shows: only events of these value types change its tables. */
    private static final Set<ValueType> SHOWN = EnumSet.of(
            ValueType.PROCESS, ValueType.PROCESS_INSTANCE, ValueType.INCIDENT, ValueType.JOB, ValueType.VARIABLE);

    /** Whether a record of this type changes the console: a source may pass over the others without decoding them. */
    public static boolean shows(RecordType recordType, ValueType valueType) {
        return recordType == RecordType.EVENT && SHOWN.contains(valueType);
    }

    public long lastPosition() {
        return jdbc.queryForObject("select position from console_position where id = 1", Long.class);
    }

    /** Applies the records (in position order) and moves the position past them. */
    public void apply(List<Record<?>> records) {
        apply(records, records.isEmpty() ? -1 : records.get(records.size() - 1).getPosition());
    }

    /**
     * Applies the records (in position order) and moves the position to {@code readUpTo}, the position the source has
     * read through: records it did not hand over (commands, kinds the console does not show) are passed over with it.
     */
    public void apply(List<Record<?>> records, long readUpTo) {
        try {
            transaction.executeWithoutResult(status -> {
                long last = lastPosition();
                for (Record<?> record : records) {
                    if (record.getPosition() > last) {
                        applyRecord(record);
                    }
                }
                moveTo(readUpTo);
            });
        } catch (RuntimeException batchFailure) {
            if (isTransient(batchFailure)) {
                throw batchFailure;
            }
            log.warn(
                    "Console projection: a batch of {} records failed ({}); applying them one by one",
                    records.size(),
                    batchFailure.toString());
            for (Record<?> record : records) {
                applyAlone(record);
            }
            transaction.executeWithoutResult(status -> moveTo(readUpTo));
        }
    }

    /**
     * Keeps a record that could not be applied (or not even read) and moves the position past it. Throws when even
     * that cannot be written: then the database is the problem, and the next poll tries again from the same place.
     */
    public void skip(long position, String valueType, String intent, long recordKey, Throwable reason) {
        log.error(
                "Console projection skipped record at position {} ({} {}, key {}): {}",
                position,
                valueType,
                intent,
                recordKey,
                reason.toString(),
                reason);
        transaction.executeWithoutResult(status -> {
            jdbc.update(
                    """
          insert into console_skipped_record (position, value_type, intent, record_key, reason, skipped_at)
          values (?, ?, ?, ?, ?, now()) on conflict (position) do update set reason = excluded.reason,
            skipped_at = excluded.skipped_at""",
                    position,
                    columns.fit("console_skipped_record", "value_type", valueType),
                    columns.fit("console_skipped_record", "intent", intent),
                    recordKey,
                    columns.fit("console_skipped_record", "reason", describe(reason)));
            moveTo(position);
        });
    }

    public record Skipped(
            long position,
            String valueType,
            String intent,
            long recordKey,
            String reason,
            java.time.Instant skippedAt) {}

    public record FeedStatus(long position, long skippedRecords, List<Skipped> lastSkipped) {}

    public FeedStatus status() {
        long count = jdbc.queryForObject("select count(*) from console_skipped_record", Long.class);
        List<Skipped> last = jdbc.query(
                "select * from console_skipped_record order by position desc limit 20",
                (row, i) -> new Skipped(
                        row.getLong("position"),
                        row.getString("value_type"),
                        row.getString("intent"),
                        row.getLong("record_key"),
                        row.getString("reason"),
                        row.getTimestamp("skipped_at").toInstant()));
        return new FeedStatus(lastPosition(), count, last);
    }

    private void applyAlone(Record<?> record) {
        try {
            transaction.executeWithoutResult(status -> {
                if (record.getPosition() > lastPosition()) {
                    applyRecord(record);
                    moveTo(record.getPosition());
                }
            });
        } catch (RuntimeException failure) {
            if (isTransient(failure)) {
                throw failure;
            }
            skip(
                    record.getPosition(),
                    String.valueOf(record.getValueType()),
                    String.valueOf(record.getIntent()),
                    record.getKey(),
                    failure);
        }
    }

    private void applyRecord(Record<?> record) {
        if (shows(record.getRecordType(), record.getValueType())) {
            applyEvent(record);
        }
    }

    private void moveTo(long position) {
        jdbc.update("update console_position set position = greatest(position, ?) where id = 1", position);
    }

    /** Failures of the database rather than of the record: skipping would lose good records, so wait and retry. */
    private static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable reason) {
        Throwable root = reason;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == reason ? reason.toString() : reason + " (cause: " + root + ")";
    }

    private void applyEvent(Record<?> record) {
        Timestamp at = new Timestamp(record.getTimestamp());
        switch (record.getValueType()) {
            case PROCESS -> process((Process) record.getValue(), at);
            case PROCESS_INSTANCE -> element(record, (ProcessInstanceRecordValue) record.getValue(), at);
            case INCIDENT -> incident(record, (IncidentRecordValue) record.getValue(), at);
            case JOB -> job(record, (JobRecordValue) record.getValue());
            case VARIABLE -> variable((VariableRecordValue) record.getValue(), at);
            default -> {}
        }
    }

    private void process(Process process, Timestamp at) {
        jdbc.update(
                """
        insert into console_process (definition_key, bpmn_process_id, version, resource_name, xml, deployed_at)
        values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                process.getProcessDefinitionKey(),
                columns.fit("console_process", "bpmn_process_id", process.getBpmnProcessId()),
                process.getVersion(),
                columns.fit("console_process", "resource_name", process.getResourceName()),
                columns.fit("console_process", "xml", new String(process.getResource(), StandardCharsets.UTF_8)),
                at);
    }

    private void element(Record<?> record, ProcessInstanceRecordValue value, Timestamp at) {
        Intent intent = record.getIntent();
        boolean isProcess = value.getBpmnElementType() == BpmnElementType.PROCESS;
        if (intent == ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN) {
            jdbc.update(
                    "insert into console_flow (position, instance_key, flow_id, taken_at) values (?, ?, ?, ?) "
                            + "on conflict do nothing",
                    record.getPosition(),
                    value.getProcessInstanceKey(),
                    columns.fit("console_flow", "flow_id", value.getElementId()),
                    at);
        } else if (intent == ProcessInstanceIntent.ELEMENT_ACTIVATING && isProcess) {
            // Activating, not activated: the instance's start variables are written in between.
            jdbc.update(
                    """
          insert into console_instance (key, definition_key, bpmn_process_id, version, parent_key, state, started_at)
          values (?, ?, ?, ?, ?, 'ACTIVE', ?) on conflict do nothing""",
                    record.getKey(),
                    value.getProcessDefinitionKey(),
                    columns.fit("console_instance", "bpmn_process_id", value.getBpmnProcessId()),
                    value.getVersion(),
                    value.getParentProcessInstanceKey() > 0 ? value.getParentProcessInstanceKey() : null,
                    at);
            // The start variables may have been written before the instance: name it from them.
            jdbc.query(
                    "select name, value from console_variable where scope_key = ?",
                    row -> {
                        nameInstance(record.getKey(), row.getString("name"), row.getString("value"));
                    },
                    record.getKey());
        } else if (intent == ProcessInstanceIntent.ELEMENT_ACTIVATED && !isProcess) {
            jdbc.update(
                    """
          insert into console_element (key, instance_key, element_id, element_type, state, started_at)
          values (?, ?, ?, ?, 'ACTIVE', ?) on conflict do nothing""",
                    record.getKey(),
                    value.getProcessInstanceKey(),
                    columns.fit("console_element", "element_id", value.getElementId()),
                    columns.fit(
                            "console_element",
                            "element_type",
                            value.getBpmnElementType().name()),
                    at);
        } else if (intent == ProcessInstanceIntent.ELEMENT_COMPLETED
                || intent == ProcessInstanceIntent.ELEMENT_TERMINATED) {
            String state = intent == ProcessInstanceIntent.ELEMENT_COMPLETED ? "COMPLETED" : "TERMINATED";
            String table = isProcess ? "console_instance" : "console_element";
            jdbc.update(
                    "update " + table + " set state = ?, ended_at = ? where key = ? and state = 'ACTIVE'",
                    state,
                    at,
                    record.getKey());
        }
    }

    private void incident(Record<?> record, IncidentRecordValue value, Timestamp at) {
        if (record.getIntent() == IncidentIntent.CREATED) {
            jdbc.update(
                    """
          insert into console_incident (key, instance_key, element_instance_key, element_id, error_type,
                                        error_message, job_key, state, created_at)
          values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?) on conflict do nothing""",
                    record.getKey(),
                    value.getProcessInstanceKey(),
                    value.getElementInstanceKey(),
                    columns.fit("console_incident", "element_id", value.getElementId()),
                    columns.fit(
                            "console_incident",
                            "error_type",
                            value.getErrorType().name()),
                    columns.fit("console_incident", "error_message", value.getErrorMessage()),
                    value.getJobKey() > 0 ? value.getJobKey() : null,
                    at);
        } else if (record.getIntent() == IncidentIntent.RESOLVED) {
            jdbc.update(
                    "update console_incident set state = 'RESOLVED', resolved_at = ? where key = ? and state = 'OPEN'",
                    at,
                    record.getKey());
        }
    }

    private void job(Record<?> record, JobRecordValue value) {
        if (record.getIntent() == JobIntent.CREATED) {
            jdbc.update(
                    "insert into console_job (key, type, retries) values (?, ?, ?) on conflict do nothing",
                    record.getKey(),
                    columns.fit("console_job", "type", value.getType()),
                    value.getRetries());
        } else {
            jdbc.update(
                    """
          update console_job set worker = coalesce(nullif(?, ''), worker), retries = ?,
                 error_message = coalesce(nullif(?, ''), error_message) where key = ?""",
                    columns.fit("console_job", "worker", value.getWorker()),
                    value.getRetries(),
                    columns.fit("console_job", "error_message", value.getErrorMessage()),
                    record.getKey());
        }
    }

    private void variable(VariableRecordValue value, Timestamp at) {
        jdbc.update(
                """
        insert into console_variable (scope_key, name, instance_key, value, updated_at) values (?, ?, ?, ?, ?)
        on conflict (scope_key, name) do update set value = excluded.value, updated_at = excluded.updated_at""",
                value.getScopeKey(),
                columns.fit("console_variable", "name", value.getName()),
                value.getProcessInstanceKey(),
                columns.fit("console_variable", "value", value.getValue()),
                at);
        if (value.getScopeKey() == value.getProcessInstanceKey()) {
            nameInstance(value.getProcessInstanceKey(), value.getName(), value.getValue());
        }
    }

    private void nameInstance(long instanceKey, String variable, String value) {
        BusinessKeys.of(variable, value)
                .ifPresent(key -> jdbc.update(
                        "update console_instance set business_key = ? where key = ? and business_key is null",
                        columns.fit("console_instance", "business_key", key),
                        instanceKey));
    }
}
