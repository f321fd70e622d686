package dev.o2c.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o2c.customers.Customer;
import dev.o2c.customers.RiskClass;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.platform.audit.AuditRepository;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import dev.o2c.tasks.HumanTask;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The safe deploy through the API on the embedded engine: a change that passes the checks is deployed and used by the
 * next order or task; one that fails deploys nothing and names what is wrong. Every test puts the shipped files back
 * (one application context serves the whole test run).
 */
@IntegrationTest
class SafeDeployApiTest {

    @Autowired
    Api api;

    @Autowired
    Scenario scenario;

    @Autowired
    AuditRepository audit;

    @AfterEach
    void shippedModelsAgain() {
        Map<String, byte[]> shipped = ModelCheckService.shippedFiles();
        Api.Response restored = api.upload(
                "modeler",
                "/api/models",
                Map.of(
                        "credit-decision.dmn", shipped.get("credit-decision.dmn"),
                        "credit-review.form", shipped.get("credit-review.form"),
                        "order-to-cash.bpmn", shipped.get("order-to-cash.bpmn")));
        assertThat(restored.status()).as(restored.body().toString()).isEqualTo(201);
    }

    private static String shipped(String name) {
        return new String(ModelCheckService.shippedFiles().get(name), StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> file(String name, String content) {
        return Map.of(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private int versionOf(String kind, String id) {
        JsonNode list = api.get("modeler", "/api/models").body();
        return StreamSupport.stream(list.spliterator(), false)
                .filter(item -> item.path("kind").asText().equals(kind)
                        && item.path("id").asText().equals(id))
                .findFirst()
                .orElseThrow()
                .path("version")
                .asInt();
    }

    @Test
    void aChangedCreditThresholdDecidesTheNextOrder() {
        Customer customer = scenario.customer("NET30", "100000.00", RiskClass.B);
        SalesOrder before = scenario.order(customer, "45000.00");
        scenario.awaitStatus(before, OrderStatus.APPROVED);
        int version = versionOf("DECISION", "credit-decision");

        String lower = shipped("credit-decision.dmn").replace("&gt;= 50000", "&gt;= 40000");
        assertThat(lower).isNotEqualTo(shipped("credit-decision.dmn"));
        Api.Response deployed = api.upload("modeler", "/api/models", file("credit-decision.dmn", lower));

        assertThat(deployed.status()).as(deployed.body().toString()).isEqualTo(201);
        assertThat(deployed.body().path("deploymentKey").asLong()).isPositive();
        JsonNode decision = StreamSupport.stream(
                        deployed.body().path("deployed").spliterator(), false)
                .filter(item -> item.path("id").asText().equals("credit-decision"))
                .findFirst()
                .orElseThrow();
        assertThat(decision.path("version").asInt()).isEqualTo(version + 1);
        assertThat(decision.path("deployedBy").asText()).isEqualTo("modeler");
        assertThat(versionOf("DECISION", "credit-decision")).isEqualTo(version + 1);

        SalesOrder after = scenario.order(scenario.customer("NET30", "100000.00", RiskClass.B), "45000.00");
        scenario.awaitStatus(after, OrderStatus.CREDIT_REVIEW);
        JsonNode order = api.get("sales", "/api/orders/" + after.getId()).body();
        assertThat(order.path("creditDecision").path("outcome").asText()).isEqualTo("REVIEW");
        assertThat(audit.findAll())
                .anyMatch(record -> record.getAction().equals("MODEL_DEPLOYED")
                        && record.getActor().equals("modeler")
                        && record.getDetails().contains("credit-decision.dmn"));
    }

    @Test
    void aCamundaUserTaskIsRefusedNamingTheTaskAndNothingIsDeployed() {
        int version = versionOf("PROCESS", "order-to-cash");
        String camundaUserTask = shipped("order-to-cash.bpmn")
                .replace(
                        "<zeebe:formDefinition formId=\"credit-review\"/>",
                        "<zeebe:userTask/>\n        <zeebe:formDefinition formId=\"credit-review\"/>");
        // a changed form in the same upload is refused with it: one deployment, all or nothing
        String form = shipped("credit-review.form").replace("\"label\": \"Decision\"", "\"label\": \"Refused\"");
        Map<String, byte[]> files = new LinkedHashMap<>(file("order-to-cash.bpmn", camundaUserTask));
        files.putAll(file("credit-review.form", form));

        Api.Response refused = api.upload("modeler", "/api/models", files);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("findings")).anySatisfy(finding -> {
            assertThat(finding.path("file").asText()).isEqualTo("order-to-cash.bpmn");
            assertThat(finding.path("element").asText()).isEqualTo("Task_ReviewCredit");
            assertThat(finding.path("message").asText()).contains("Review credit");
        });
        assertThat(versionOf("PROCESS", "order-to-cash")).isEqualTo(version);
        // the engine still has the shipped model as latest: deploying it again is a duplicate, no new version
        Api.Response same =
                api.upload("modeler", "/api/models", file("order-to-cash.bpmn", shipped("order-to-cash.bpmn")));
        assertThat(same.body().path("deployed").get(0).path("version").asInt()).isEqualTo(version);
        assertThat(audit.findAll())
                .anyMatch(record -> record.getAction().equals("MODEL_DEPLOY_REFUSED")
                        && record.getDetails().contains("Task_ReviewCredit"));
    }

    @Test
    void aChangedFormShowsInTheNextTask() {
        String form = shipped("credit-review.form")
                .replace("\"label\": \"Decision\"", "\"label\": \"Your decision (new form)\"");
        assertThat(api.upload("modeler", "/api/models", file("credit-review.form", form))
                        .status())
                .isEqualTo(201);

        Customer customer = scenario.customer("1000.00");
        HumanTask task = scenario.awaitReview(scenario.order(customer, "5000.00"));
        JsonNode details = api.get("analyst", "/api/tasks/" + task.getJobKey()).body();
        assertThat(details.path("formSchema").toString()).contains("Your decision (new form)");
    }

    @Test
    void aTableThatNoLongerReturnsWhatTheGatewayComparesIsRefused() {
        String renamed = shipped("credit-decision.dmn").replace("&quot;APPROVE&quot;", "&quot;OK&quot;");
        Api.Response refused = api.upload("operator", "/api/models", file("credit-decision.dmn", renamed));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("findings")).anySatisfy(finding -> {
            assertThat(finding.path("file").asText()).isEqualTo("order-to-cash.bpmn");
            assertThat(finding.path("element").asText()).isEqualTo("Flow_Gateway_CreditDecision_to_Task_ReserveCredit");
            assertThat(finding.path("message").asText()).contains("\"APPROVE\"");
        });
    }

    @Test
    void badFilesAreRefusedNamingTheFile() {
        String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="x"><decision id="d">&secret;</decision>
        </definitions>""";
        List<Map<String, byte[]>> cases = List.of(
                file("credit-decision.dmn", "not xml at all"),
                file("leak.dmn", xxe),
                file("notes.txt", "hello"),
                file("../order-to-cash.bpmn", shipped("order-to-cash.bpmn")),
                Map.of(
                        "latin1.form",
                        "{\"id\": \"caf\u00e9\", \"components\": []}".getBytes(StandardCharsets.ISO_8859_1)),
                file("credit-review.form", "[1, 2]"),
                file("empty.bpmn", ""));
        for (Map<String, byte[]> bad : cases) {
            Api.Response response = api.upload("modeler", "/api/models", bad);
            String name = bad.keySet().iterator().next();
            assertThat(response.status()).as(name + " " + response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.field()).isEqualTo("file");
            assertThat(response.body().path("detail").asText()).as(name).contains(name.replace("../", ""));
        }
        assertThat(api.upload("modeler", "/api/models", file("leak.dmn", xxe))
                        .body()
                        .path("detail")
                        .asText())
                .contains("DOCTYPE")
                .doesNotContain("root:");

        Api.Response tooLarge = api.upload(
                "modeler",
                "/api/models",
                file("big.form", "{\"id\": \"big\", \"components\": [], \"x\": \"" + "x".repeat(1_100_000) + "\"}"));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(api.upload("modeler", "/api/models", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void onlyAnalystsAndOperatorsDeploy() {
        for (String user : List.of("sales", "analyst", "manager", "collector", "clerk")) {
            Api.Response response =
                    api.upload(user, "/api/models", file("credit-decision.dmn", shipped("credit-decision.dmn")));
            assertThat(response.status()).as(user).isEqualTo(403);
            assertThat(api.get(user, "/api/models").status()).as(user).isEqualTo(403);
        }
        assertThat(api.get("operator", "/api/models").status()).isEqualTo(200);
    }
}
