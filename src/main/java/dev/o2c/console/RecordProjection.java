package dev.o2c.console;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
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
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies engine records to the console's tables. Each change is keyed (upserts, state moves), so applying a record
 * twice leaves the same rows; the position of the last applied record is kept with them, in the same transaction.
 * Whatever delivers the records (the embedded engine's stream here, an exporter in a cluster) uses this.
 */
@Component
public class RecordProjection {

  /** Variables that name an instance for people, best first, and how they are shown. */
  private static final Map<String, String> BUSINESS_KEYS = Map.of(
      "invoiceNumber", "%s", "orderId", "ORDER-%s", "statementEntryId", "%s");
  private static final int MAX_VALUE = 4000;

  private final JdbcTemplate jdbc;

  RecordProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public long lastPosition() {
    return jdbc.queryForObject("select position from console_position where id = 1", Long.class);
  }

  @Transactional
  public void apply(List<Record<?>> records) {
    long last = lastPosition();
    for (Record<?> record : records) {
      if (record.getPosition() > last && record.getRecordType() == RecordType.EVENT) {
        applyEvent(record);
      }
      last = Math.max(last, record.getPosition());
    }
    jdbc.update("update console_position set position = ? where id = 1", last);
  }

  private void applyEvent(Record<?> record) {
    Timestamp at = new Timestamp(record.getTimestamp());
    switch (record.getValueType()) {
      case PROCESS -> process((Process) record.getValue(), at);
      case PROCESS_INSTANCE -> element(record, (ProcessInstanceRecordValue) record.getValue(), at);
      case INCIDENT -> incident(record, (IncidentRecordValue) record.getValue(), at);
      case JOB -> job(record, (JobRecordValue) record.getValue());
      case VARIABLE -> variable((VariableRecordValue) record.getValue(), at);
      default -> { }
    }
  }

  private void process(Process process, Timestamp at) {
    jdbc.update("""
        insert into console_process (definition_key, bpmn_process_id, version, resource_name, xml, deployed_at)
        values (?, ?, ?, ?, ?, ?) on conflict do nothing""", process.getProcessDefinitionKey(),
        process.getBpmnProcessId(), process.getVersion(), process.getResourceName(),
        new String(process.getResource(), StandardCharsets.UTF_8), at);
  }

  private void element(Record<?> record, ProcessInstanceRecordValue value, Timestamp at) {
    Intent intent = record.getIntent();
    boolean isProcess = value.getBpmnElementType() == BpmnElementType.PROCESS;
    if (intent == ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN) {
      jdbc.update("insert into console_flow (position, instance_key, flow_id, taken_at) values (?, ?, ?, ?) "
          + "on conflict do nothing", record.getPosition(), value.getProcessInstanceKey(), value.getElementId(), at);
    } else if (intent == ProcessInstanceIntent.ELEMENT_ACTIVATING && isProcess) {
      // Activating, not activated: the instance's start variables are written in between.
      jdbc.update("""
          insert into console_instance (key, definition_key, bpmn_process_id, version, parent_key, state, started_at)
          values (?, ?, ?, ?, ?, 'ACTIVE', ?) on conflict do nothing""", record.getKey(),
          value.getProcessDefinitionKey(), value.getBpmnProcessId(), value.getVersion(),
          value.getParentProcessInstanceKey() > 0 ? value.getParentProcessInstanceKey() : null, at);
      // The start variables may have been written before the instance: name it from them.
      jdbc.query("select name, value from console_variable where scope_key = ?", row -> {
        nameInstance(record.getKey(), row.getString("name"), row.getString("value"));
      }, record.getKey());
    } else if (intent == ProcessInstanceIntent.ELEMENT_ACTIVATED && !isProcess) {
      jdbc.update("""
          insert into console_element (key, instance_key, element_id, element_type, state, started_at)
          values (?, ?, ?, ?, 'ACTIVE', ?) on conflict do nothing""", record.getKey(), value.getProcessInstanceKey(),
          value.getElementId(), value.getBpmnElementType().name(), at);
    } else if (intent == ProcessInstanceIntent.ELEMENT_COMPLETED || intent == ProcessInstanceIntent.ELEMENT_TERMINATED) {
      String state = intent == ProcessInstanceIntent.ELEMENT_COMPLETED ? "COMPLETED" : "TERMINATED";
      String table = isProcess ? "console_instance" : "console_element";
      jdbc.update("update " + table + " set state = ?, ended_at = ? where key = ? and state = 'ACTIVE'", state, at,
          record.getKey());
    }
  }

  private void incident(Record<?> record, IncidentRecordValue value, Timestamp at) {
    if (record.getIntent() == IncidentIntent.CREATED) {
      jdbc.update("""
          insert into console_incident (key, instance_key, element_instance_key, element_id, error_type,
                                        error_message, job_key, state, created_at)
          values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?) on conflict do nothing""", record.getKey(),
          value.getProcessInstanceKey(), value.getElementInstanceKey(), value.getElementId(),
          value.getErrorType().name(), truncate(value.getErrorMessage()), value.getJobKey() > 0 ? value.getJobKey() : null,
          at);
    } else if (record.getIntent() == IncidentIntent.RESOLVED) {
      jdbc.update("update console_incident set state = 'RESOLVED', resolved_at = ? where key = ? and state = 'OPEN'",
          at, record.getKey());
    }
  }

  private void job(Record<?> record, JobRecordValue value) {
    if (record.getIntent() == JobIntent.CREATED) {
      jdbc.update("insert into console_job (key, type, retries) values (?, ?, ?) on conflict do nothing",
          record.getKey(), value.getType(), value.getRetries());
    } else {
      jdbc.update("""
          update console_job set worker = coalesce(nullif(?, ''), worker), retries = ?,
                 error_message = coalesce(nullif(?, ''), error_message) where key = ?""",
          value.getWorker(), value.getRetries(), truncate(value.getErrorMessage()), record.getKey());
    }
  }

  private void variable(VariableRecordValue value, Timestamp at) {
    jdbc.update("""
        insert into console_variable (scope_key, name, instance_key, value, updated_at) values (?, ?, ?, ?, ?)
        on conflict (scope_key, name) do update set value = excluded.value, updated_at = excluded.updated_at""",
        value.getScopeKey(), value.getName(), value.getProcessInstanceKey(), truncate(value.getValue()), at);
    if (value.getScopeKey() == value.getProcessInstanceKey()) {
      nameInstance(value.getProcessInstanceKey(), value.getName(), value.getValue());
    }
  }

  private void nameInstance(long instanceKey, String variable, String value) {
    String format = BUSINESS_KEYS.get(variable);
    if (format != null) {
      jdbc.update("update console_instance set business_key = ? where key = ? and business_key is null",
          format.formatted(value.replace("\"", "")), instanceKey);
    }
  }

  private static String truncate(String text) {
    return text == null || text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE) + "...";
  }
}
