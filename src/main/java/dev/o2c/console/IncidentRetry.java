package dev.o2c.console;

import dev.o2c.platform.audit.AuditLog;
import dev.o2c.platform.web.ApiProblem;
import io.camunda.client.CamundaClient;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An operator's retry: give the failed job its retries back and resolve the incident, so the engine hands the job
 * to a worker again. The console sees the outcome when the engine's records arrive.
 */
@Service
public class IncidentRetry {

  static final int RETRIES = 3;

  private final JdbcTemplate jdbc;
  private final CamundaClient client;
  private final AuditLog audit;

  IncidentRetry(JdbcTemplate jdbc, CamundaClient client, AuditLog audit) {
    this.jdbc = jdbc;
    this.client = client;
    this.audit = audit;
  }

  public record Retried(long incidentKey, Long jobKey, Integer retries) {}

  @Transactional
  public Retried retry(long incidentKey, String operator) {
    List<Object[]> rows = jdbc.query("select state, job_key, element_id from console_incident where key = ?",
        (row, i) -> new Object[] {row.getString("state"), row.getObject("job_key", Long.class),
            row.getString("element_id")}, incidentKey);
    if (rows.isEmpty()) {
      throw ApiProblem.notFound("incident", incidentKey);
    }
    if (!"OPEN".equals(rows.get(0)[0])) {
      throw ApiProblem.conflict("incident " + incidentKey + " is already resolved");
    }
    Long jobKey = (Long) rows.get(0)[1];
    if (jobKey != null) {
      client.newUpdateRetriesCommand(jobKey).retries(RETRIES).send().join();
    }
    client.newResolveIncidentCommand(incidentKey).send().join();
    audit.record(operator, "INCIDENT_RETRIED", "incident", incidentKey, "element " + rows.get(0)[2]
        + (jobKey == null ? "" : ", job " + jobKey + " given " + RETRIES + " retries"), null);
    return new Retried(incidentKey, jobKey, jobKey == null ? null : RETRIES);
  }
}
