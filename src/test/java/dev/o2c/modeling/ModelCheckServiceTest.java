package dev.o2c.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.modeling.ModelChecks.Finding;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pre-deployment check over what analysts change: what passes today, and the mistakes it names. */
class ModelCheckServiceTest {

    private static final ModelCheckService checks = new ModelCheckService();

    @Test
    void theShippedModelsPass() {
        assertThat(checks.checkShipped().findings()).isEmpty();
        assertThat(ModelCheckService.workerTypesIn("dev.o2c")).contains("check-credit", "io.camunda.zeebe:userTask");
    }

    @Test
    void aProcessThatWouldGetStuckIsRefusedWithItsReasons() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("discount-approval")
                .startEvent("StartEvent_Requested")
                .name("Discount requested")
                .businessRuleTask("Task_Decide", task -> task.name("Decide credit")
                        .zeebeCalledDecisionId("credit-decision")
                        .zeebeResultVariable("creditDecision"))
                .exclusiveGateway("Gateway_Outcome")
                .name("Outcome?")
                .condition("approved", "=creditDecision.outcome = \"APPROVED\"")
                .serviceTask("Task_Grant", task -> task.name("Grant discount").zeebeJobType("grant-discount"))
                .endEvent("EndEvent_Granted")
                .name("Granted")
                .moveToLastExclusiveGateway()
                .defaultFlow()
                .userTask("Task_Approve", task -> task.name("Approve discount")
                        .zeebeFormId("credit-review")
                        .zeebeCandidateGroups("credit-managers"))
                .businessRuleTask("Task_Again", task -> task.name("Decide again")
                        .zeebeCalledDecisionId("discount-policy")
                        .zeebeResultVariable("again"))
                .endEvent("EndEvent_Approved")
                .name("Approved")
                .done();
        // What Modeler for 8.8 writes for a new user task.
        UserTask approve = model.getModelElementById("Task_Approve");
        approve.getExtensionElements().addChildElement(model.newInstance(ZeebeUserTask.class));

        List<Finding> findings = checks.checkWithShipped(Map.of("discount-approval.bpmn", xml(model)))
                .findings();

        assertThat(findings)
                .allSatisfy(finding -> assertThat(finding.resource()).isEqualTo("discount-approval.bpmn"));
        assertThat(findings)
                .extracting(Finding::elementId)
                .containsExactlyInAnyOrder("Task_Approve", "Task_Grant", "Task_Again", flowInto(model, "Task_Grant"));
        assertThat(messageFor(findings, "Task_Approve"))
                .contains("is a Camunda user task (zeebe:userTask)", "'Implementation' set 'Type' to 'Job worker'");
        assertThat(messageFor(findings, "Task_Grant"))
                .startsWith(
                        "Service task 'Grant discount' (Task_Grant) has job type 'grant-discount', which no worker of this"
                                + " application serves");
        assertThat(messageFor(findings, "Task_Again"))
                .contains("calls decision 'discount-policy', which is in no .dmn");
        assertThat(messageFor(findings, flowInto(model, "Task_Grant")))
                .isEqualTo("Flow 'approved' ("
                        + flowInto(model, "Task_Grant")
                        + ") compares creditDecision.outcome of decision 'credit-decision' with"
                        + " \"APPROVED\", which is not one of its allowed values [APPROVE, REVIEW, REJECT]: the table never returns"
                        + " it, so this path is never taken.");
    }

    @Test
    void aTableWithoutAllowedValuesIsNamedWhereAGatewayComparesItsOutput() {
        String dunning = new String(ModelCheckService.shippedFiles().get("dunning-policy.dmn"), StandardCharsets.UTF_8)
                .replaceAll("(?s)<outputValues id=\"UnaryTests_action\">.*?</outputValues>", "");
        List<Finding> findings = checks.checkWithShipped(
                        Map.of("dunning-policy.dmn", dunning.getBytes(StandardCharsets.UTF_8)))
                .findings();
        assertThat(findings).isNotEmpty().allSatisfy(finding -> {
            assertThat(finding.resource()).isEqualTo("invoice-collection.bpmn");
            assertThat(finding.message())
                    .contains(
                            "compares dunning.action of decision 'dunning-policy'",
                            "output 'action' in dunning-policy.dmn has no allowed values");
        });
    }

    @Test
    void formsAreFoundByTheirOwnIdAndAFormWithoutOneIsNamed() {
        byte[] resaved = """
        {"components": [{"id": "Field_1", "key": "reviewOutcome", "type": "textfield"}],
         "type": "default", "id": "credit-review", "schemaVersion": 19}
        """.getBytes(StandardCharsets.UTF_8);
        assertThat(checks.checkWithShipped(Map.of("credit-review.form", resaved))
                        .findings())
                .isEmpty();

        byte[] withoutId =
                "{\"components\": [{\"id\": \"Field_1\"}], \"type\": \"default\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(checks.checkWithShipped(Map.of("credit-review.form", withoutId))
                        .findings())
                .extracting(Finding::toString)
                .contains("credit-review.form: Form credit-review.form has no id: give it one in the form editor"
                        + " (properties panel of the form, 'Form ID'); user tasks link forms by that id.")
                .anySatisfy(
                        finding -> assertThat(finding).contains("links form 'credit-review', which is not in forms/"));
    }

    @Test
    void aModelTheEngineWouldRefuseIsNamed() {
        String broken = new String(ModelCheckService.shippedFiles().get("payment-posting.bpmn"), StandardCharsets.UTF_8)
                .replace("<zeebe:taskDefinition type=\"post-bank-entry\" retries=\"3\"/>", "<zeebe:taskDefinition/>");
        assertThat(checks.checkWithShipped(Map.of("payment-posting.bpmn", broken.getBytes(StandardCharsets.UTF_8)))
                        .findings())
                .extracting(Finding::message)
                .anySatisfy(message -> assertThat(message).startsWith("The engine would refuse"));
    }

    private static String flowInto(BpmnModelInstance model, String targetId) {
        return model.<io.camunda.zeebe.model.bpmn.instance.FlowNode>getModelElementById(targetId)
                .getIncoming()
                .iterator()
                .next()
                .getId();
    }

    private static String messageFor(List<Finding> findings, String elementId) {
        return findings.stream()
                .filter(finding -> elementId.equals(finding.elementId()))
                .findFirst()
                .map(Finding::message)
                .orElseThrow();
    }

    private static byte[] xml(BpmnModelInstance model) {
        return Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
    }
}
