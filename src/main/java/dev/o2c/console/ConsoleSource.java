package dev.o2c.console;

import java.util.List;
import java.util.Optional;

/**
 * Where the console's picture comes from. {@link ProcessConsole} (and so the API and the page) sits above exactly one
 * source: the projection of the embedded engine's records ({@link ProjectionConsoleSource}), or a Camunda cluster's
 * own query API ({@link ClusterConsoleSource}). Inputs arrive checked: state is one of ACTIVE, COMPLETED, TERMINATED,
 * INCIDENT or null, limit is within 1..500.
 */
interface ConsoleSource {

    List<ProcessConsole.ProcessSummary> processes();

    Optional<String> latestXml(String processId);

    Optional<String> instanceXml(long instanceKey);

    /** Counts per element of the process (a cluster counts its latest deployment); empty when nothing is known. */
    List<ProcessConsole.ElementStatistics> statistics(String processId);

    List<ProcessConsole.InstanceSummary> instances(String processId, String state, String query, int limit);

    Optional<ProcessConsole.InstanceDetail> instance(long instanceKey);

    /** What a retry needs to know about an incident. */
    Optional<IncidentRef> incident(long incidentKey);

    record IncidentRef(long key, boolean open, Long jobKey, String elementId) {}
}
