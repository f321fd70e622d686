package dev.o2c.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o2c.support.EngineRecords;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A job that fails reaches the operator as an incident with one readable sentence: at once when a business rule
 * refuses it (retrying cannot help), after its retries otherwise; never a stack trace.
 */
@IntegrationTest
class ReadableJobFailuresTest {

    @Autowired
    CamundaClient client;

    @Autowired
    EngineRecords engine;

    private long start(String processId, int retries, Map<String, Object> variables) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(processId)
                .name("Failure probe")
                .startEvent()
                .serviceTask("Task_Complete", task -> task.name("Complete order")
                        .zeebeJobType("complete-order")
                        .zeebeJobRetries(String.valueOf(retries)))
                .endEvent()
                .done();
        client.newDeployResourceCommand()
                .addProcessModel(model, processId + ".bpmn")
                .send()
                .join();
        return client.newCreateInstanceCommand()
                .bpmnProcessId(processId)
                .latestVersion()
                .variables(variables)
                .send()
                .join()
                .getProcessInstanceKey();
    }

    @Test
    void aBusinessRefusalRaisesAnIncidentAtOnceWithASentenceSayingWhatToFix() {
        long instance = start("failure-probe-business", 3, Map.of("orderId", 987654321L));

        List<String> incidents = await().atMost(Scenario.PATIENCE)
                .until(() -> engine.incidentMessages(instance), found -> !found.isEmpty());

        assertThat(incidents).singleElement().satisfies(message -> {
            assertThat(message)
                    .isEqualTo("complete-order refused by a business rule: order 987654321 does not exist."
                            + " Correct the data it names, then retry the incident.");
        });
    }

    @Test
    void aTechnicalFailureSaysWhatWentWrongWithoutAStackTrace() {
        // no orderId at all: the worker's lookup fails below the domain, a technical failure, retried until none left
        long instance = start("failure-probe-technical", 1, Map.of("someOtherVariable", 1));

        List<String> incidents = await().atMost(Scenario.PATIENCE)
                .until(() -> engine.incidentMessages(instance), found -> !found.isEmpty());

        assertThat(incidents).singleElement().satisfies(message -> {
            assertThat(message).startsWith("complete-order failed (");
            assertThat(message).contains("Retry the incident once the cause is fixed");
            assertThat(message).doesNotContain("\tat ").hasSizeLessThanOrEqualTo(ReadableJobFailures.MESSAGE_LENGTH);
        });
    }
}
