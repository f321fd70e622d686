package dev.o2c.console;

import dev.o2c.console.ProcessConsole.ElementStatistics;
import dev.o2c.console.ProcessConsole.HistoryEvent;
import dev.o2c.console.ProcessConsole.Incident;
import dev.o2c.console.ProcessConsole.InstanceDetail;
import dev.o2c.console.ProcessConsole.InstanceSummary;
import dev.o2c.console.ProcessConsole.ProcessSummary;
import dev.o2c.console.ProcessConsole.Variable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The console's picture in embedded mode: the projection of the engine's records in the application's PostgreSQL
 * (written by {@link RecordProjection}).
 */
@Component
@ConditionalOnProperty(name = "o2c.embedded.enabled", havingValue = "true", matchIfMissing = true)
class ProjectionConsoleSource implements ConsoleSource {

    private final JdbcTemplate jdbc;

    ProjectionConsoleSource(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProcessSummary> processes() {
        return jdbc.query(
                """
        select p.bpmn_process_id, p.version, p.xml,
          (select count(*) from console_instance i where i.bpmn_process_id = p.bpmn_process_id and i.state = 'ACTIVE') as active,
          (select count(distinct n.instance_key) from console_incident n join console_instance i on i.key = n.instance_key
             where i.bpmn_process_id = p.bpmn_process_id and n.state = 'OPEN') as incidents,
          (select count(*) from console_instance i where i.bpmn_process_id = p.bpmn_process_id and i.state = 'COMPLETED') as completed
        from console_process p
        where p.version = (select max(version) from console_process q where q.bpmn_process_id = p.bpmn_process_id)
        order by p.bpmn_process_id""",
                (row, i) -> new ProcessSummary(
                        row.getString("bpmn_process_id"),
                        processName(row.getString("xml"), row.getString("bpmn_process_id")),
                        row.getInt("version"),
                        row.getInt("active"),
                        row.getInt("incidents"),
                        row.getInt("completed")));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> latestXml(String processId) {
        return jdbc
                .queryForList(
                        "select xml from console_process where bpmn_process_id = ? order by version desc limit 1",
                        String.class,
                        processId)
                .stream()
                .findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> instanceXml(long key) {
        return jdbc
                .queryForList(
                        "select p.xml from console_instance i join console_process p "
                                + "on p.definition_key = i.definition_key where i.key = ?",
                        String.class,
                        key)
                .stream()
                .findFirst();
    }

    /** {@code state} INCIDENT means active with an open incident; {@code query} matches business key or key. */
    @Override
    @Transactional(readOnly = true)
    public List<InstanceSummary> instances(String processId, String state, String query, int limit) {
        String pattern =
                query == null || query.isBlank() ? null : "%" + query.trim().toLowerCase() + "%";
        return jdbc.query(
                """
        select i.*, (select count(*) from console_incident n where n.instance_key = i.key and n.state = 'OPEN') as open_incidents
        from console_instance i
        where (cast(? as varchar) is null or i.bpmn_process_id = ?)
          and (cast(? as varchar) is null or (? = 'INCIDENT' and exists (select 1 from console_incident n
                 where n.instance_key = i.key and n.state = 'OPEN')) or i.state = ?)
          and (cast(? as varchar) is null or lower(coalesce(i.business_key, '')) like ? or cast(i.key as varchar) like ?)
        order by i.started_at desc, i.key desc limit ?""",
                (row, i) -> new InstanceSummary(
                        row.getLong("key"),
                        row.getString("bpmn_process_id"),
                        row.getInt("version"),
                        row.getString("business_key"),
                        row.getString("state"),
                        instant(row, "started_at"),
                        instant(row, "ended_at"),
                        row.getInt("open_incidents"),
                        (Long) row.getObject("parent_key", Long.class)),
                processId,
                processId,
                state,
                state,
                state,
                pattern,
                pattern,
                pattern,
                limit);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<InstanceDetail> instance(long key) {
        Optional<InstanceSummary> found = jdbc
                .query(
                        "select i.*, 0 as open_incidents from console_instance i where key = ?",
                        (row, i) -> new InstanceSummary(
                                row.getLong("key"),
                                row.getString("bpmn_process_id"),
                                row.getInt("version"),
                                row.getString("business_key"),
                                row.getString("state"),
                                instant(row, "started_at"),
                                instant(row, "ended_at"),
                                0,
                                (Long) row.getObject("parent_key", Long.class)),
                        key)
                .stream()
                .findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        InstanceSummary summary = found.get();
        List<String> active = jdbc.queryForList(
                "select element_id from console_element where instance_key = ? "
                        + "and state = 'ACTIVE' order by started_at",
                String.class,
                key);
        List<String> completed = jdbc.queryForList(
                "select element_id from console_element where instance_key = ? "
                        + "and state = 'COMPLETED' order by ended_at",
                String.class,
                key);
        List<String> flows = jdbc.queryForList(
                "select distinct flow_id from console_flow where instance_key = ?", String.class, key);
        List<Incident> incidents = jdbc.query(
                """
        select n.*, j.type, j.worker from console_incident n left join console_job j on j.key = n.job_key
        where n.instance_key = ? order by n.created_at""",
                (row, i) -> new Incident(
                        row.getLong("key"),
                        row.getString("element_id"),
                        row.getString("error_type"),
                        row.getString("error_message"),
                        (Long) row.getObject("job_key", Long.class),
                        row.getString("type"),
                        row.getString("worker"),
                        instant(row, "created_at"),
                        row.getString("state")),
                key);
        List<Variable> variables = jdbc.query(
                "select name, value, scope_key from console_variable "
                        + "where instance_key = ? order by scope_key = ? desc, name",
                (row, i) -> new Variable(row.getString("name"), row.getString("value"), row.getLong("scope_key")),
                key,
                key);
        return Optional.of(
                InstanceDetail.of(summary, active, completed, flows, incidents, variables, history(key, incidents)));
    }

    private List<HistoryEvent> history(long key, List<Incident> incidents) {
        List<HistoryEvent> history = new ArrayList<>();
        jdbc.query(
                "select element_id, element_type, state, started_at, ended_at from console_element "
                        + "where instance_key = ?",
                row -> {
                    history.add(new HistoryEvent(
                            instant(row, "started_at"),
                            row.getString("element_id"),
                            row.getString("element_type"),
                            "ACTIVATED"));
                    if (row.getTimestamp("ended_at") != null) {
                        history.add(new HistoryEvent(
                                instant(row, "ended_at"),
                                row.getString("element_id"),
                                row.getString("element_type"),
                                row.getString("state")));
                    }
                },
                key);
        jdbc.query(
                "select n.element_id, n.created_at, n.resolved_at from console_incident n where n.instance_key = ?",
                row -> {
                    history.add(new HistoryEvent(
                            instant(row, "created_at"), row.getString("element_id"), "INCIDENT", "INCIDENT_CREATED"));
                    if (row.getTimestamp("resolved_at") != null) {
                        history.add(new HistoryEvent(
                                instant(row, "resolved_at"),
                                row.getString("element_id"),
                                "INCIDENT",
                                "INCIDENT_RESOLVED"));
                    }
                },
                key);
        history.sort(Comparator.comparing(HistoryEvent::at));
        return history;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ElementStatistics> statistics(String processId) {
        return jdbc.query(
                """
        select e.element_id,
               count(*) filter (where e.state = 'ACTIVE') as active,
               count(*) filter (where e.state = 'COMPLETED') as completed,
               (select count(*) from console_incident n join console_instance j on j.key = n.instance_key
                 where j.bpmn_process_id = ? and n.element_id = e.element_id and n.state = 'OPEN') as incidents
        from console_element e join console_instance i on i.key = e.instance_key
        where i.bpmn_process_id = ? group by e.element_id order by e.element_id""",
                (row, i) -> new ElementStatistics(
                        row.getString("element_id"),
                        row.getInt("active"),
                        row.getInt("incidents"),
                        row.getInt("completed")),
                processId,
                processId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<IncidentRef> incident(long incidentKey) {
        return jdbc
                .query(
                        "select state, job_key, element_id from console_incident where key = ?",
                        (row, i) -> new IncidentRef(
                                incidentKey,
                                "OPEN".equals(row.getString("state")),
                                row.getObject("job_key", Long.class),
                                row.getString("element_id")),
                        incidentKey)
                .stream()
                .findFirst();
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        var timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String processName(String xml, String fallback) {
        var matcher = java.util.regex.Pattern.compile("<bpmn:process [^>]*name=\"([^\"]+)\"")
                .matcher(xml);
        return matcher.find() ? matcher.group(1) : fallback;
    }
}
