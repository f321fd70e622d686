package dev.o2c.console;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The process console: processes with counts, instances, one instance in detail, element statistics. One code path
 * for both modes: the input is checked and the answers shaped here, the data comes from the {@link ConsoleSource} of
 * the mode (the record projection in embedded mode, the cluster's query API against Camunda 8.8).
 */
@Service
public class ProcessConsole {

    private static final List<String> STATES = List.of("ACTIVE", "COMPLETED", "TERMINATED", "INCIDENT");

    private final ConsoleSource source;

    ProcessConsole(ConsoleSource source) {
        this.source = source;
    }

    public record ProcessSummary(
            String processId, String name, int version, int active, int incidents, int completed) {}

    public record InstanceSummary(
            long key,
            String processId,
            int version,
            String businessKey,
            String state,
            Instant startedAt,
            Instant endedAt,
            int openIncidents,
            Long parentKey) {}

    public record Incident(
            long key,
            String elementId,
            String errorType,
            String errorMessage,
            Long jobKey,
            String jobType,
            String worker,
            Instant createdAt,
            String state) {}

    public record Variable(String name, String value, long scopeKey) {}

    public record HistoryEvent(Instant at, String elementId, String elementType, String event) {}

    public record InstanceDetail(
            long key,
            String processId,
            int version,
            String businessKey,
            String state,
            Instant startedAt,
            Instant endedAt,
            Long parentKey,
            List<String> activeElements,
            List<String> completedElements,
            List<String> takenFlows,
            List<Incident> incidents,
            List<Variable> variables,
            List<HistoryEvent> history) {

        /** The summary's fields with what each source found about the instance's elements and data. */
        static InstanceDetail of(
                InstanceSummary summary,
                List<String> activeElements,
                List<String> completedElements,
                List<String> takenFlows,
                List<Incident> incidents,
                List<Variable> variables,
                List<HistoryEvent> history) {
            return new InstanceDetail(
                    summary.key(),
                    summary.processId(),
                    summary.version(),
                    summary.businessKey(),
                    summary.state(),
                    summary.startedAt(),
                    summary.endedAt(),
                    summary.parentKey(),
                    activeElements,
                    completedElements,
                    takenFlows,
                    incidents,
                    variables,
                    history);
        }
    }

    public record ElementStatistics(String elementId, int active, int incidents, int completed) {}

    public List<ProcessSummary> processes() {
        return source.processes();
    }

    public String latestXml(String processId) {
        return source.latestXml(processId).orElseThrow(() -> new ConsoleNotFoundException("process", processId));
    }

    public String instanceXml(long key) {
        return source.instanceXml(key).orElseThrow(() -> new ConsoleNotFoundException("process instance", key));
    }

    /** {@code state} INCIDENT means active with an open incident; {@code query} matches business key or key. */
    public List<InstanceSummary> instances(String processId, String state, String query, int limit) {
        if (state != null && !STATES.contains(state)) {
            throw new InvalidConsoleException("state", "must be ACTIVE, COMPLETED, TERMINATED or INCIDENT");
        }
        String blankless = query == null || query.isBlank() ? null : query.trim();
        return source.instances(blankless(processId), state, blankless, Math.min(Math.max(limit, 1), 500));
    }

    public InstanceDetail instance(long key) {
        return source.instance(key).orElseThrow(() -> new ConsoleNotFoundException("process instance", key));
    }

    public List<ElementStatistics> statistics(String processId) {
        latestXml(processId);
        return source.statistics(processId);
    }

    /** The incident a retry is about: 404 when unknown, 409 when it is no longer open. */
    ConsoleSource.IncidentRef openIncident(long incidentKey) {
        ConsoleSource.IncidentRef incident =
                source.incident(incidentKey).orElseThrow(() -> new ConsoleNotFoundException("incident", incidentKey));
        if (!incident.open()) {
            throw new IllegalConsoleTransitionException("incident " + incidentKey + " is already resolved");
        }
        return incident;
    }

    private static String blankless(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
