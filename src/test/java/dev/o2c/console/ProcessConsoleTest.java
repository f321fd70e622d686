package dev.o2c.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o2c.customers.Customer;
import dev.o2c.orders.SalesOrder;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class ProcessConsoleTest {

    static final String DRILL_PROCESS = "console-incident-drill";
    static final String DRILL_JOB = "console-drill-step";

    @Autowired
    Api api;

    @Autowired
    Scenario scenario;

    @Autowired
    CamundaClient client;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedRecordFeed feed;

    @Autowired
    TestRestTemplate http;

    @Test
    void anOrderShowsWithItsBusinessKeyActiveStepAndPathTaken() {
        Customer customer = scenario.customer("100");
        SalesOrder order = scenario.order(customer, "5000.00");
        scenario.awaitReview(order);

        JsonNode found = await().atMost(Scenario.PATIENCE)
                .until(
                        () -> api.get(
                                        "operator",
                                        "/api/console/instances?processId=order-to-cash&q=ORDER-" + order.getId())
                                .body(),
                        list -> list.size() == 1);
        assertThat(found.path(0).path("businessKey").asText()).isEqualTo("ORDER-" + order.getId());
        assertThat(found.path(0).path("state").asText()).isEqualTo("ACTIVE");

        JsonNode detail = await().atMost(Scenario.PATIENCE)
                .until(
                        () -> api.get("operator", "/api/console/instances/" + order.getProcessInstanceKey())
                                .body(),
                        body -> body.path("activeElements").toString().contains("Task_ReviewCredit"));
        assertThat(detail.path("completedElements").toString()).contains("Task_CheckCredit");
        assertThat(detail.path("takenFlows")).isNotEmpty();
        assertThat(detail.path("variables").toString()).contains("orderAmount");
        assertThat(detail.path("history").path(0).path("event").asText()).isEqualTo("ACTIVATED");
        String xml = http.withBasicAuth("operator", "operator")
                .getForObject("/api/console/instances/" + order.getProcessInstanceKey() + "/xml", String.class);
        assertThat(xml).contains("<bpmn:process id=\"order-to-cash\"");

        JsonNode statistics = api.get("operator", "/api/console/processes/order-to-cash/statistics")
                .body();
        assertThat(statistics.toString()).contains("Task_ReviewCredit");
        JsonNode processes = api.get("operator", "/api/console/processes").body();
        assertThat(processes.toString()).contains("order-to-cash", "invoice-collection", "payment-posting");
    }

    @Test
    void anIncidentShowsItsJobAndWorkerAndAnOperatorRetryLetsTheInstanceFinish() {
        long instanceKey = startDrill();
        ActivatedJob job = activateDrillJob();
        client.newFailCommand(job.getKey())
                .retries(0)
                .errorMessage("ledger service unreachable")
                .send()
                .join();

        JsonNode incident = await().atMost(Scenario.PATIENCE)
                .until(
                        () -> api.get("operator", "/api/console/instances/" + instanceKey)
                                .body()
                                .path("incidents")
                                .path(0),
                        node -> !node.isMissingNode());
        assertThat(incident.path("errorMessage").asText()).isEqualTo("ledger service unreachable");
        assertThat(incident.path("jobType").asText()).isEqualTo(DRILL_JOB);
        assertThat(incident.path("worker").asText()).isEqualTo("console-test");
        assertThat(api.get("operator", "/api/console/instances?state=INCIDENT&q=" + instanceKey)
                        .body())
                .hasSize(1);

        assertThat(api.post(
                                "clerk",
                                "/api/console/incidents/" + incident.path("key").asLong() + "/retry",
                                null)
                        .status())
                .isEqualTo(403);
        Api.Response retried = api.post(
                "operator", "/api/console/incidents/" + incident.path("key").asLong() + "/retry", null);
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.body().path("retries").asInt()).isEqualTo(3);

        client.newCompleteCommand(activateDrillJob().getKey()).send().join();
        JsonNode finished = await().atMost(Scenario.PATIENCE)
                .until(
                        () -> api.get("operator", "/api/console/instances/" + instanceKey)
                                .body(),
                        body -> "COMPLETED".equals(body.path("state").asText()));
        assertThat(finished.path("incidents").path(0).path("state").asText()).isEqualTo("RESOLVED");
        assertThat(api.post(
                                "operator",
                                "/api/console/incidents/" + incident.path("key").asLong() + "/retry",
                                null)
                        .status())
                .isEqualTo(409);
    }

    @Test
    void applyingTheSameRecordsAgainChangesNothing() {
        long instanceKey = startDrill();
        client.newCompleteCommand(activateDrillJob().getKey()).send().join();
        await().atMost(Scenario.PATIENCE)
                .until(() -> "COMPLETED"
                        .equals(jdbc
                                .queryForList(
                                        "select state from console_instance where key = ?", String.class, instanceKey)
                                .stream()
                                .findFirst()
                                .orElse("")));
        List<Map<String, Object>> before = rowsOf(instanceKey);

        jdbc.update("update console_position set position = -1 where id = 1");
        feed.poll();

        assertThat(rowsOf(instanceKey)).isEqualTo(before);
    }

    @Test
    void onlyOperatorsSeeTheConsole() {
        assertThat(api.get("clerk", "/api/console/processes").status()).isEqualTo(403);
        assertThat(api.get("operator", "/api/console/instances?state=SLEEPING").field())
                .isEqualTo("state");
        assertThat(api.get("operator", "/api/console/instances/1").status()).isEqualTo(404);
    }

    private List<Map<String, Object>> rowsOf(long instanceKey) {
        return jdbc.queryForList("""
        select 'element' as kind, element_id as id, state from console_element where instance_key = ?
        union all select 'flow', flow_id, '' from console_flow where instance_key = ?
        union all select 'variable', name, value from console_variable where instance_key = ?
        union all select 'instance', cast(key as varchar), state from console_instance where key = ?
        order by 1, 2, 3""", instanceKey, instanceKey, instanceKey, instanceKey);
    }

    private long startDrill() {
        var model = Bpmn.createExecutableProcess(DRILL_PROCESS)
                .name("Console incident drill")
                .startEvent("StartEvent_Drill")
                .serviceTask("Task_Drill", task -> task.zeebeJobType(DRILL_JOB))
                .endEvent("EndEvent_Drill")
                .done();
        client.newDeployResourceCommand()
                .addProcessModel(model, DRILL_PROCESS + ".bpmn")
                .send()
                .join();
        return client.newCreateInstanceCommand()
                .bpmnProcessId(DRILL_PROCESS)
                .latestVersion()
                .variables(Map.of("statementEntryId", "DRILL"))
                .send()
                .join()
                .getProcessInstanceKey();
    }

    private ActivatedJob activateDrillJob() {
        return await().atMost(Scenario.PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> client.newActivateJobsCommand()
                                .jobType(DRILL_JOB)
                                .maxJobsToActivate(1)
                                .workerName("console-test")
                                .timeout(Duration.ofMinutes(1))
                                .send()
                                .join()
                                .getJobs(),
                        jobs -> !jobs.isEmpty())
                .get(0);
    }
}
