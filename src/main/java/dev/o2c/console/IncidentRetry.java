package dev.o2c.console;

import dev.o2c.platform.audit.AuditLog;
import io.camunda.client.CamundaClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An operator's retry: give the failed job its retries back and resolve the incident, so the engine hands the job
 * to a worker again. The console sees the outcome when the engine's records arrive.
 */
@Service
public class IncidentRetry {

    static final int RETRIES = 3;

    private final ProcessConsole console;
    private final CamundaClient client;
    private final AuditLog audit;

    IncidentRetry(ProcessConsole console, CamundaClient client, AuditLog audit) {
        this.console = console;
        this.client = client;
        this.audit = audit;
    }

    public record Retried(long incidentKey, Long jobKey, Integer retries) {}

    @Transactional
    public Retried retry(long incidentKey, String operator) {
        ConsoleSource.IncidentRef incident = console.openIncident(incidentKey);
        Long jobKey = incident.jobKey();
        if (jobKey != null) {
            client.newUpdateRetriesCommand(jobKey).retries(RETRIES).send().join();
        }
        client.newResolveIncidentCommand(incidentKey).send().join();
        audit.record(
                operator,
                "INCIDENT_RETRIED",
                "incident",
                incidentKey,
                "element " + incident.elementId()
                        + (jobKey == null ? "" : ", job " + jobKey + " given " + RETRIES + " retries"),
                null);
        return new Retried(incidentKey, jobKey, jobKey == null ? null : RETRIES);
    }
}
