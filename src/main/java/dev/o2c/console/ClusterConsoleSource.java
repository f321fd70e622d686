package dev.o2c.console;

import dev.o2c.console.ProcessConsole.ElementStatistics;
import dev.o2c.console.ProcessConsole.HistoryEvent;
import dev.o2c.console.ProcessConsole.Incident;
import dev.o2c.console.ProcessConsole.InstanceDetail;
import dev.o2c.console.ProcessConsole.InstanceSummary;
import dev.o2c.console.ProcessConsole.ProcessSummary;
import dev.o2c.console.ProcessConsole.Variable;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.filter.ProcessInstanceFilter;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.client.api.search.response.ProcessInstance;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The console's picture against a Camunda 8.8 cluster, read from the cluster's own query API (the Orchestration
 * Cluster REST API, through the Camunda client): process definitions, process instances, element instances, sequence
 * flows, incidents, variables and element statistics. Nothing is copied into the application's database, so there
 * is no exporter to run; the cluster's secondary storage is the source, and it lags the engine by about a second.
 *
 * <p>What the 8.8 API does not give: the job type and worker of an incident (there is no job search before 8.9) and
 * when an incident was resolved. Instances name their number of open incidents as 1 or 0 ({@code hasIncident}).
 */
@Component
@ConditionalOnProperty(name = "o2c.embedded.enabled", havingValue = "false")
class ClusterConsoleSource implements ConsoleSource {

    /** Items per request for one instance's elements, incidents and variables; an instance has far fewer. */
    static final int PAGE = 1_000;

    private static final Pattern ORDER = Pattern.compile("(?i)ORDER-(\\d+)");
    private static final Pattern KEY = Pattern.compile("\\d{1,19}");

    private final CamundaClient client;

    ClusterConsoleSource(CamundaClient client) {
        this.client = client;
    }

    @Override
    public List<ProcessSummary> processes() {
        List<ProcessSummary> processes = new ArrayList<>();
        for (ProcessDefinition definition : client.newProcessDefinitionSearchRequest()
                .filter(f -> f.isLatestVersion(true))
                .sort(s -> s.processDefinitionId().asc())
                .page(p -> p.limit(PAGE))
                .send()
                .join()
                .items()) {
            String id = definition.getProcessDefinitionId();
            processes.add(new ProcessSummary(
                    id,
                    definition.getName() == null ? id : definition.getName(),
                    definition.getVersion(),
                    count(f -> f.processDefinitionId(id).state(ProcessInstanceState.ACTIVE)),
                    count(f -> f.processDefinitionId(id)
                            .state(ProcessInstanceState.ACTIVE)
                            .hasIncident(true)),
                    count(f -> f.processDefinitionId(id).state(ProcessInstanceState.COMPLETED))));
        }
        return processes;
    }

    @Override
    public Optional<String> latestXml(String processId) {
        return latestDefinition(processId)
                .map(definition -> client.newProcessDefinitionGetXmlRequest(definition.getProcessDefinitionKey())
                        .send()
                        .join());
    }

    @Override
    public Optional<String> instanceXml(long instanceKey) {
        return found(() ->
                        client.newProcessInstanceGetRequest(instanceKey).send().join())
                .map(instance -> client.newProcessDefinitionGetXmlRequest(instance.getProcessDefinitionKey())
                        .send()
                        .join());
    }

    @Override
    public List<ElementStatistics> statistics(String processId) {
        return latestDefinition(processId)
                .map(definition -> client
                        .newProcessDefinitionElementStatisticsRequest(definition.getProcessDefinitionKey())
                        .send()
                        .join()
                        .stream()
                        .map(element -> new ElementStatistics(
                                element.getElementId(),
                                (int) (long) element.getActive(),
                                (int) (long) element.getIncidents(),
                                (int) (long) element.getCompleted()))
                        .sorted(Comparator.comparing(ElementStatistics::elementId))
                        .toList())
                .orElse(List.of());
    }

    @Override
    public List<InstanceSummary> instances(String processId, String state, String query, int limit) {
        List<Long> matching = query == null ? null : instancesMatching(query);
        if (matching != null && matching.isEmpty()) {
            return List.of();
        }
        List<ProcessInstance> found = client.newProcessInstanceSearchRequest()
                .filter(f -> {
                    if (processId != null) {
                        f.processDefinitionId(processId);
                    }
                    if ("INCIDENT".equals(state)) {
                        f.state(ProcessInstanceState.ACTIVE).hasIncident(true);
                    } else if (state != null) {
                        f.state(ProcessInstanceState.valueOf(state));
                    }
                    if (matching != null) {
                        f.processInstanceKey(key -> key.in(matching));
                    }
                })
                .sort(s -> s.startDate().desc())
                .page(p -> p.limit(limit))
                .send()
                .join()
                .items();
        Map<Long, String> businessKeys = businessKeys(
                found.stream().map(ProcessInstance::getProcessInstanceKey).toList());
        return found.stream()
                .map(instance -> summary(instance, businessKeys.get(instance.getProcessInstanceKey())))
                .toList();
    }

    @Override
    public Optional<InstanceDetail> instance(long instanceKey) {
        Optional<ProcessInstance> found = found(
                () -> client.newProcessInstanceGetRequest(instanceKey).send().join());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ProcessInstance instance = found.get();
        List<ElementInstance> elements = client
                .newElementInstanceSearchRequest()
                .filter(f -> f.processInstanceKey(instanceKey))
                .sort(s -> s.startDate().asc())
                .page(p -> p.limit(PAGE))
                .send()
                .join()
                .items()
                .stream()
                .filter(element -> element.getType() != ElementInstanceType.PROCESS)
                .toList();
        List<String> active = elements.stream()
                .filter(element -> element.getState() == ElementInstanceState.ACTIVE)
                .map(ElementInstance::getElementId)
                .toList();
        List<String> completed = elements.stream()
                .filter(element -> element.getState() == ElementInstanceState.COMPLETED)
                .sorted(Comparator.comparing(
                        ElementInstance::getEndDate, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(ElementInstance::getElementId)
                .toList();
        List<String> flows = List.copyOf(
                new LinkedHashSet<>(client.newProcessInstanceSequenceFlowsRequest(instanceKey).send().join().stream()
                        .map(flow -> flow.getElementId())
                        .toList()));
        List<Incident> incidents = client
                .newIncidentSearchRequest()
                .filter(f -> f.processInstanceKey(instanceKey))
                .page(p -> p.limit(PAGE))
                .send()
                .join()
                .items()
                .stream()
                .map(incident -> new Incident(
                        incident.getIncidentKey(),
                        incident.getElementId(),
                        String.valueOf(incident.getErrorType()),
                        incident.getErrorMessage(),
                        incident.getJobKey(),
                        null,
                        null,
                        instant(incident.getCreationTime()),
                        incident.getState() == IncidentState.ACTIVE ? "OPEN" : String.valueOf(incident.getState())))
                .sorted(Comparator.comparing(Incident::createdAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<Variable> variables = client
                .newVariableSearchRequest()
                .filter(f -> f.processInstanceKey(instanceKey))
                .page(p -> p.limit(PAGE))
                .send()
                .join()
                .items()
                .stream()
                .map(variable -> new Variable(variable.getName(), variable.getValue(), variable.getScopeKey()))
                .sorted(Comparator.comparing((Variable variable) -> variable.scopeKey() != instanceKey)
                        .thenComparing(Variable::name))
                .toList();
        Map<String, String> processScope = new HashMap<>();
        variables.stream()
                .filter(variable -> variable.scopeKey() == instanceKey)
                .forEach(variable -> processScope.put(variable.name(), variable.value()));
        InstanceSummary summary = summary(instance, BusinessKeys.best(processScope));
        return Optional.of(InstanceDetail.of(
                summary, active, completed, flows, incidents, variables, history(elements, incidents)));
    }

    @Override
    public Optional<IncidentRef> incident(long incidentKey) {
        return found(() -> client.newIncidentGetRequest(incidentKey).send().join())
                .map(incident -> new IncidentRef(
                        incidentKey,
                        incident.getState() == IncidentState.ACTIVE,
                        incident.getJobKey(),
                        incident.getElementId()));
    }

    private int count(Consumer<ProcessInstanceFilter> filter) {
        Long total = client.newProcessInstanceSearchRequest()
                .filter(filter)
                .page(p -> p.limit(1))
                .send()
                .join()
                .page()
                .totalItems();
        return total == null ? 0 : (int) (long) total;
    }

    private Optional<ProcessDefinition> latestDefinition(String processId) {
        return client
                .newProcessDefinitionSearchRequest()
                .filter(f -> f.processDefinitionId(processId).isLatestVersion(true))
                .page(p -> p.limit(1))
                .send()
                .join()
                .items()
                .stream()
                .findFirst();
    }

    /**
     * Instances whose key is the query or whose business key contains it (ORDER-12 looks for orderId 12). The API
     * matches variable values as stored, JSON included, so the pattern has wildcards on both sides.
     */
    private List<Long> instancesMatching(String query) {
        LinkedHashSet<Long> keys = new LinkedHashSet<>();
        if (KEY.matcher(query).matches()) {
            keys.add(Long.parseLong(query));
        }
        var order = ORDER.matcher(query);
        List<String> names = order.matches() ? List.of("orderId") : BusinessKeys.VARIABLES;
        String pattern = "*" + (order.matches() ? order.group(1) : query) + "*";
        client
                .newVariableSearchRequest()
                .filter(f -> f.name(name -> name.in(names)).value(value -> value.like(pattern)))
                .page(p -> p.limit(PAGE))
                .send()
                .join()
                .items()
                .stream()
                .filter(variable -> variable.getScopeKey().equals(variable.getProcessInstanceKey()))
                .forEach(variable -> keys.add(variable.getProcessInstanceKey()));
        return List.copyOf(keys);
    }

    /** The business keys of these instances, from their process-scope variables, in one request. */
    private Map<Long, String> businessKeys(List<Long> instanceKeys) {
        if (instanceKeys.isEmpty()) {
            return Map.of();
        }
        Map<Long, Map<String, String>> byInstance = new HashMap<>();
        client
                .newVariableSearchRequest()
                .filter(f ->
                        f.processInstanceKey(key -> key.in(instanceKeys)).name(name -> name.in(BusinessKeys.VARIABLES)))
                .page(p -> p.limit(instanceKeys.size() * BusinessKeys.VARIABLES.size()))
                .send()
                .join()
                .items()
                .stream()
                .filter(variable -> variable.getScopeKey().equals(variable.getProcessInstanceKey()))
                .forEach(variable -> byInstance
                        .computeIfAbsent(variable.getProcessInstanceKey(), key -> new HashMap<>())
                        .put(variable.getName(), variable.getValue()));
        Map<Long, String> keys = new HashMap<>();
        byInstance.forEach((instance, variables) -> {
            String key = BusinessKeys.best(variables);
            if (key != null) {
                keys.put(instance, key);
            }
        });
        return keys;
    }

    private static InstanceSummary summary(ProcessInstance instance, String businessKey) {
        return new InstanceSummary(
                instance.getProcessInstanceKey(),
                instance.getProcessDefinitionId(),
                instance.getProcessDefinitionVersion() == null ? 0 : instance.getProcessDefinitionVersion(),
                businessKey,
                String.valueOf(instance.getState()),
                instant(instance.getStartDate()),
                instant(instance.getEndDate()),
                Boolean.TRUE.equals(instance.getHasIncident()) ? 1 : 0,
                instance.getParentProcessInstanceKey());
    }

    private static List<HistoryEvent> history(List<ElementInstance> elements, List<Incident> incidents) {
        List<HistoryEvent> history = new ArrayList<>();
        for (ElementInstance element : elements) {
            String type = String.valueOf(element.getType());
            history.add(new HistoryEvent(instant(element.getStartDate()), element.getElementId(), type, "ACTIVATED"));
            if (element.getEndDate() != null) {
                history.add(new HistoryEvent(
                        instant(element.getEndDate()),
                        element.getElementId(),
                        type,
                        String.valueOf(element.getState())));
            }
        }
        for (Incident incident : incidents) {
            history.add(new HistoryEvent(incident.createdAt(), incident.elementId(), "INCIDENT", "INCIDENT_CREATED"));
        }
        history.sort(Comparator.comparing(HistoryEvent::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return history;
    }

    /** The answer, or empty when the cluster says 404. */
    private static <T> Optional<T> found(Supplier<T> request) {
        try {
            return Optional.ofNullable(request.get());
        } catch (ClientHttpException e) {
            if (e.code() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
