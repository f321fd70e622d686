package dev.o2c.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.o2c.platform.errors.InvalidValueException;
import dev.o2c.platform.errors.NotFoundException;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cluster source against the Orchestration Cluster REST API's responses (src/test/resources/console/cluster),
 * served by a small HTTP server to the real Camunda client. Each request is answered by the first rule whose method,
 * path and body text match; the requests are kept, so the filters the source sends are checked too.
 */
class ClusterConsoleSourceTest {

    static final long ACTIVE = 2251799813690001L;
    static final long COMPLETED = 2251799813690002L;
    static final long INCIDENT = 2251799813695001L;

    record Rule(String method, String path, String bodyContains, int status, String file) {}

    record Request(String method, String path, String body) {}

    static final List<Rule> RULES = List.of(
            new Rule("POST", "/v2/process-definitions/search", null, 200, "process-definitions.json"),
            new Rule("GET", "/v2/process-definitions/2251799813685001/xml", null, 200, "process.bpmn"),
            new Rule(
                    "POST",
                    "/v2/process-definitions/2251799813685001/statistics/element-instances",
                    null,
                    200,
                    "element-statistics.json"),
            new Rule("POST", "/v2/process-instances/search", "hasIncident", 200, "instances-with-incident.json"),
            new Rule("POST", "/v2/process-instances/search", "COMPLETED", 200, "instances-completed-count.json"),
            new Rule("POST", "/v2/process-instances/search", "2251799813690001", 200, "instances-with-incident.json"),
            new Rule("POST", "/v2/process-instances/search", null, 200, "instances-all.json"),
            new Rule("GET", "/v2/process-instances/2251799813690001", null, 200, "instance.json"),
            new Rule("GET", "/v2/process-instances/2251799813690001/sequence-flows", null, 200, "sequence-flows.json"),
            new Rule("POST", "/v2/element-instances/search", null, 200, "element-instances.json"),
            new Rule("POST", "/v2/incidents/search", null, 200, "incidents.json"),
            new Rule("GET", "/v2/incidents/2251799813695001", null, 200, "incident.json"),
            new Rule("POST", "/v2/variables/search", "like", 200, "matching-variables.json"),
            new Rule("POST", "/v2/variables/search", "invoiceNumber", 200, "business-key-variables.json"),
            new Rule("POST", "/v2/variables/search", null, 200, "instance-variables.json"));

    static HttpServer server;
    static CamundaClient client;
    static final List<Request> requests = new CopyOnWriteArrayList<>();

    ClusterConsoleSource source = new ClusterConsoleSource(client);
    ProcessConsole console = new ProcessConsole(source);

    @BeforeAll
    static void serveRecordedResponses() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ClusterConsoleSourceTest::answer);
        server.start();
        client = CamundaClient.newClientBuilder()
                .restAddress(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .grpcAddress(URI.create("http://127.0.0.1:1"))
                .preferRestOverGrpc(true)
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.stop(0);
    }

    @BeforeEach
    void forgetRequests() {
        requests.clear();
    }

    @Test
    void processesWithTheirCountsFromTheLatestDefinitions() {
        assertThat(console.processes())
                .containsExactly(new ProcessConsole.ProcessSummary("order-to-cash", "Order to cash", 3, 2, 1, 7));
        assertThat(sent("/v2/process-definitions/search").get(0).body()).contains("isLatestVersion");
        assertThat(console.latestXml("order-to-cash")).contains("<bpmn:process id=\"order-to-cash\"");
        assertThat(console.statistics("order-to-cash"))
                .containsExactly(
                        new ProcessConsole.ElementStatistics("StartEvent_1", 0, 0, 8),
                        new ProcessConsole.ElementStatistics("Task_CheckCredit", 1, 1, 6));
    }

    @Test
    void theIncidentFilterAsksForActiveInstancesWithAnIncidentAndNamesThemByBusinessKey() {
        List<ProcessConsole.InstanceSummary> found = console.instances("order-to-cash", "INCIDENT", null, 50);

        assertThat(found).singleElement().satisfies(instance -> {
            assertThat(instance.key()).isEqualTo(ACTIVE);
            assertThat(instance.businessKey()).isEqualTo("ORDER-12");
            assertThat(instance.state()).isEqualTo("ACTIVE");
            assertThat(instance.openIncidents()).isEqualTo(1);
        });
        String query = sent("/v2/process-instances/search").get(0).body();
        assertThat(query).contains("hasIncident", "ACTIVE", "order-to-cash", "\"limit\":50");
    }

    @Test
    void allInstancesAreNamedByTheirBestBusinessKey() {
        assertThat(console.instances(null, null, " ", 500))
                .extracting(ProcessConsole.InstanceSummary::businessKey)
                .containsExactly("ORDER-12", "INV-2026-000001");
        assertThat(console.instances(null, null, null, 10))
                .element(1)
                .satisfies(instance -> assertThat(instance.endedAt()).isNotNull());
    }

    @Test
    void aBusinessKeyQuerySearchesTheNamingVariablesThenTheirInstances() {
        assertThat(console.instances(null, null, "ORDER-12", 100))
                .extracting(ProcessConsole.InstanceSummary::key)
                .containsExactly(ACTIVE);
        String variableQuery = sent("/v2/variables/search").get(0).body();
        assertThat(variableQuery).contains("orderId", "*12*").doesNotContain("invoiceNumber");
        assertThat(sent("/v2/process-instances/search").get(0).body()).contains("2251799813690001");
    }

    @Test
    void oneInstanceInDetail() {
        ProcessConsole.InstanceDetail detail = console.instance(ACTIVE);

        assertThat(detail.businessKey()).isEqualTo("ORDER-12");
        assertThat(detail.state()).isEqualTo("ACTIVE");
        assertThat(detail.activeElements()).containsExactly("Task_CheckCredit");
        assertThat(detail.completedElements()).containsExactly("StartEvent_1");
        assertThat(detail.takenFlows()).containsExactly("Flow_1");
        assertThat(detail.incidents()).singleElement().satisfies(incident -> {
            assertThat(incident.key()).isEqualTo(INCIDENT);
            assertThat(incident.errorType()).isEqualTo("JOB_NO_RETRIES");
            assertThat(incident.errorMessage()).isEqualTo("credit bureau unreachable");
            assertThat(incident.jobKey()).isEqualTo(2251799813694001L);
            assertThat(incident.state()).isEqualTo("OPEN");
        });
        assertThat(detail.variables())
                .extracting(ProcessConsole.Variable::name)
                .containsExactly("orderAmount", "orderId", "attempt");
        assertThat(detail.history())
                .extracting(ProcessConsole.HistoryEvent::event)
                .containsExactly("ACTIVATED", "COMPLETED", "ACTIVATED", "INCIDENT_CREATED");
        assertThat(console.instanceXml(ACTIVE)).contains("Task_CheckCredit");
    }

    @Test
    void whatTheClusterDoesNotKnowIsNotFoundAndBadInputIsRefusedAboveTheSource() {
        assertThatThrownBy(() -> console.instance(999))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("999");
        assertThatThrownBy(() -> console.instances(null, "SLEEPING", null, 10))
                .isInstanceOf(InvalidValueException.class)
                .extracting(problem -> ((InvalidValueException) problem).field())
                .isEqualTo("state");
        assertThat(requests).extracting(Request::path).containsExactly("/v2/process-instances/999");
    }

    @Test
    void aRetryFindsTheOpenIncidentWithItsJob() {
        ConsoleSource.IncidentRef incident = console.openIncident(INCIDENT);
        assertThat(incident.jobKey()).isEqualTo(2251799813694001L);
        assertThat(incident.elementId()).isEqualTo("Task_CheckCredit");
    }

    private static List<Request> sent(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(method, path, body));
        Rule rule = RULES.stream()
                .filter(candidate -> candidate.method().equals(method)
                        && candidate.path().equals(path)
                        && (candidate.bodyContains() == null || body.contains(candidate.bodyContains())))
                .findFirst()
                .orElse(new Rule(method, path, null, 404, "not-found.json"));
        byte[] response = recorded(rule.file());
        exchange.getResponseHeaders()
                .set(
                        "Content-Type",
                        rule.file().endsWith(".bpmn")
                                ? "text/xml"
                                : rule.status() == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(rule.status(), response.length);
        exchange.getResponseBody().write(response);
        exchange.close();
    }

    private static byte[] recorded(String file) {
        try (InputStream in = ClusterConsoleSourceTest.class.getResourceAsStream("/console/cluster/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
