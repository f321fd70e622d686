package dev.o2c.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 12: text from outside must fit the console's columns, and one bad record must not stop the console. */
@IntegrationTest
class ConsoleProjectionResilienceTest {

    static final String PROCESS = "console-resilience-drill";
    static final String JOB = "console-resilience-step";

    @Autowired
    Api api;

    @Autowired
    CamundaClient client;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConsoleColumns columns;

    @Test
    void aTenThousandCharacterErrorMessageBecomesAnIncidentThatAnOperatorCanRetry() {
        long instanceKey = start(Map.of("statementEntryId", "LONG-" + tag()));
        String message = "upstream said: " + "x".repeat(10_000 - 16) + "!";
        assertThat(message).hasSize(10_000);
        ActivatedJob job = activate(instanceKey);
        client.newFailCommand(job.getKey())
                .retries(0)
                .errorMessage(message)
                .send()
                .join();

        JsonNode incident = await().atMost(Scenario.PATIENCE)
                .until(
                        () -> api.get("operator", "/api/console/instances/" + instanceKey)
                                .body()
                                .path("incidents")
                                .path(0),
                        node -> !node.isMissingNode());
        String shown = incident.path("errorMessage").asText();
        assertThat(shown)
                .hasSizeLessThanOrEqualTo(4000)
                .startsWith("upstream said: xxx")
                .endsWith(ConsoleColumns.CUT_MARKER.formatted(10_000));
        assertThat(incident.path("worker").asText()).isEqualTo("console-test");
        assertThat(api.get("operator", "/api/console/instances?state=INCIDENT&q=" + instanceKey)
                        .body())
                .hasSize(1);
        assertThat(jdbc.queryForObject(
                        "select length(error_message) from console_job where key = ?", Integer.class, job.getKey()))
                .isEqualTo(4000);

        Api.Response retried = api.post(
                "operator", "/api/console/incidents/" + incident.path("key").asLong() + "/retry", null);
        assertThat(retried.status()).isEqualTo(202);
        client.newCompleteCommand(activate(instanceKey).getKey()).send().join();
        JsonNode finished = await().atMost(Scenario.PATIENCE)
                .until(
                        () -> api.get("operator", "/api/console/instances/" + instanceKey)
                                .body(),
                        body -> "COMPLETED".equals(body.path("state").asText()));
        assertThat(finished.path("incidents").path(0).path("state").asText()).isEqualTo("RESOLVED");

        String later = "AFTER-" + tag();
        start(Map.of("statementEntryId", later));
        await().atMost(Scenario.PATIENCE)
                .until(
                        () -> api.get("operator", "/api/console/instances?q=" + later)
                                .body(),
                        list -> list.size() == 1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from console_skipped_record where record_key in (?, ?, ?)",
                        Integer.class,
                        instanceKey,
                        job.getKey(),
                        incident.path("key").asLong()))
                .isZero();
    }

    /**
     * The database refuses one row (as it refused the over-long error message of issue 12): a constraint the record
     * does not meet. That record is skipped and kept for operators; the instance's other records and the instances
     * started afterwards still show.
     */
    @Test
    void aRecordTheDatabaseRefusesIsSkippedAndTheFeedGoesOn() {
        jdbc.execute(
                "alter table console_variable add constraint console_test_refuses check (name <> 'refusedByConsole')");
        try {
            String poisoned = "POISON-" + tag();
            long instanceKey = start(Map.of("statementEntryId", poisoned, "refusedByConsole", "any value"));

            JsonNode found = await().atMost(Scenario.PATIENCE)
                    .until(
                            () -> api.get("operator", "/api/console/instances?q=" + poisoned)
                                    .body(),
                            list -> list.size() == 1);
            assertThat(found.path(0).path("key").asLong()).isEqualTo(instanceKey);
            JsonNode feed = await().atMost(Scenario.PATIENCE)
                    .until(
                            () -> api.get("operator", "/api/console/feed").body(),
                            body -> body.path("lastSkipped").toString().contains("console_test_refuses"));
            assertThat(feed.path("skippedRecords").asLong()).isPositive();
            JsonNode skipped = firstSkipMentioning(feed, "console_test_refuses");
            assertThat(skipped.path("valueType").asText()).isEqualTo("VARIABLE");
            assertThat(skipped.path("position").asLong())
                    .isLessThanOrEqualTo(feed.path("position").asLong());
            JsonNode detail =
                    api.get("operator", "/api/console/instances/" + instanceKey).body();
            assertThat(detail.path("variables").toString())
                    .contains("statementEntryId")
                    .doesNotContain("refusedByConsole");
            assertThat(detail.path("activeElements").toString()).contains("Task_Resilience");

            String later = "AFTER-POISON-" + tag();
            start(Map.of("statementEntryId", later));
            await().atMost(Scenario.PATIENCE)
                    .until(
                            () -> api.get("operator", "/api/console/instances?q=" + later)
                                    .body(),
                            list -> list.size() == 1);
        } finally {
            jdbc.execute("alter table console_variable drop constraint console_test_refuses");
        }
        assertThat(api.get("clerk", "/api/console/feed").status()).isEqualTo(403);
    }

    @Test
    void everyTextIsCutToItsColumnWithAMarker() {
        assertThat(columns.fit("console_job", "worker", "payment-worker")).isEqualTo("payment-worker");
        String cut = columns.fit("console_job", "worker", "w".repeat(500));
        assertThat(cut).hasSize(200).startsWith("www").endsWith(ConsoleColumns.CUT_MARKER.formatted(500));
        assertThat(columns.fit("console_variable", "value", "\"a\u0000b\"")).isEqualTo("\"a\uFFFDb\"");
        // A surrogate pair is kept whole or not at all: put one across the place where the cut falls.
        int keep = 200 - ConsoleColumns.CUT_MARKER.formatted(999).length();
        String across = "t".repeat(keep - 21) + "\uD83D\uDCB6".repeat(100);
        String cutAcross = columns.fit("console_job", "type", across);
        assertThat(cutAcross)
                .hasSizeLessThanOrEqualTo(200)
                .endsWith(ConsoleColumns.CUT_MARKER.formatted(across.length()));
        for (int i = 0; i < cutAcross.length(); i++) {
            if (Character.isHighSurrogate(cutAcross.charAt(i))) {
                assertThat(Character.isLowSurrogate(cutAcross.charAt(i + 1)))
                        .as("pair at %d", i)
                        .isTrue();
            }
        }
        assertThat(columns.fit("console_process", "xml", "x".repeat(100_000))).hasSize(100_000);
        assertThatThrownBy(() -> columns.fit("console_job", "no_such_column", "x"))
                .isInstanceOf(IllegalStateException.class);
    }

    private static JsonNode firstSkipMentioning(JsonNode feed, String text) {
        for (JsonNode skip : feed.path("lastSkipped")) {
            if (skip.path("reason").asText().contains(text)) {
                return skip;
            }
        }
        throw new AssertionError("no skipped record mentions " + text + ": " + feed);
    }

    private long start(Map<String, Object> variables) {
        var model = Bpmn.createExecutableProcess(PROCESS)
                .name("Console resilience drill")
                .startEvent("StartEvent_Resilience")
                .serviceTask("Task_Resilience", task -> task.zeebeJobType(JOB))
                .endEvent("EndEvent_Resilience")
                .done();
        client.newDeployResourceCommand()
                .addProcessModel(model, PROCESS + ".bpmn")
                .send()
                .join();
        return client.newCreateInstanceCommand()
                .bpmnProcessId(PROCESS)
                .latestVersion()
                .variables(variables)
                .send()
                .join()
                .getProcessInstanceKey();
    }

    /** This instance's job (other tests' instances wait at the same task; their jobs are left alone). */
    private ActivatedJob activate(long instanceKey) {
        return await().atMost(Scenario.PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> client
                                .newActivateJobsCommand()
                                .jobType(JOB)
                                .maxJobsToActivate(32)
                                .workerName("console-test")
                                .timeout(Duration.ofMinutes(1))
                                .send()
                                .join()
                                .getJobs()
                                .stream()
                                .filter(job -> job.getProcessInstanceKey() == instanceKey)
                                .findFirst()
                                .orElse(null),
                        job -> job != null);
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
