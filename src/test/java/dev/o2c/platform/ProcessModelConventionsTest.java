package dev.o2c.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o2c.modeling.ModelChecks;
import io.camunda.client.annotation.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * What analysts and operators rely on when they open processes/ in Modeler: every task type has a worker, every user
 * task a form, candidate groups and a due date, every called decision and process exists, every element a name and a
 * shape.
 */
class ProcessModelConventionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<BpmnModelInstance> models = new ArrayList<>();
    private static final Map<String, BpmnModelInstance> modelsByFile = new LinkedHashMap<>();
    private static final Set<String> decisionIds = new HashSet<>();
    private static final Set<String> formIds = new HashSet<>();
    private static final Set<String> processIds = new HashSet<>();
    private static final Set<String> workerTypes = new HashSet<>();

    @BeforeAll
    static void readModelsFormsAndWorkers() throws Exception {
        var resolver = new PathMatchingResourcePatternResolver();
        for (Resource resource : resolver.getResources("classpath*:/processes/*.bpmn")) {
            try (InputStream in = resource.getInputStream()) {
                BpmnModelInstance model = Bpmn.readModelFromStream(in);
                Bpmn.validateModel(model);
                models.add(model);
                modelsByFile.put(resource.getFilename(), model);
                model.getModelElementsByType(Process.class).forEach(process -> processIds.add(process.getId()));
            }
        }
        Pattern decisionId = Pattern.compile("<decision id=\"([^\"]+)\"");
        for (Resource resource : resolver.getResources("classpath*:/processes/*.dmn")) {
            Matcher matcher = decisionId.matcher(text(resource));
            while (matcher.find()) {
                decisionIds.add(matcher.group(1));
            }
        }
        for (Resource resource : resolver.getResources("classpath*:/forms/*.form")) {
            String id = formId(text(resource));
            assertThat(id).as("form %s has an id", resource.getFilename()).isNotBlank();
            formIds.add(id);
        }
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.o2c")) {
            for (Method method : Class.forName(candidate.getBeanClassName()).getDeclaredMethods()) {
                JobWorker worker = method.getAnnotation(JobWorker.class);
                if (worker != null) {
                    workerTypes.add(worker.type());
                }
            }
        }
        assertThat(models).as("process models found").isNotEmpty();
    }

    @Test
    void everyServiceTaskTypeHasAWorker() {
        Set<String> types = new HashSet<>();
        for (BpmnModelInstance model : models) {
            model.getModelElementsByType(ZeebeTaskDefinition.class)
                    .forEach(definition -> types.add(definition.getType()));
        }
        assertThat(workerTypes).containsAll(types);
        assertThat(workerTypes).contains("io.camunda.zeebe:userTask");
    }

    @Test
    void userTasksAreJobBasedWithAFormAndCandidateGroups() {
        List<ModelChecks.Finding> findings = new ArrayList<>();
        modelsByFile.forEach((file, model) -> findings.addAll(ModelChecks.userTasks(file, model, formIds)));
        assertThat(findings).as("user tasks this application cannot run").isEmpty();
    }

    @Test
    void everyUserTaskHasADueDate() {
        List<String> withoutDueDate = new ArrayList<>();
        modelsByFile.forEach((file, model) -> {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                ZeebeTaskSchedule schedule = task.getSingleExtensionElement(ZeebeTaskSchedule.class);
                if (schedule == null
                        || schedule.getDueDate() == null
                        || schedule.getDueDate().isBlank()) {
                    withoutDueDate.add(file + ": " + task.getId());
                }
            }
        });
        assertThat(withoutDueDate)
                .as("user tasks without a due date, so the inbox cannot show when they are late: in Modeler, select"
                        + " the task and in the properties panel enter its 'Due date', e.g. =now() + duration(\"P2D\"), and"
                        + " say why in its documentation and in README's 'When human tasks are due'")
                .isEmpty();
    }

    @Test
    void aUserTaskAsModelerForCamunda88CreatesItIsRefusedWithWhatToChange() {
        // What Desktop Modeler 5.x writes for a new user task when the diagram targets Camunda 8.8.
        String modelerDefault = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="approval" isExecutable="true">
            <bpmn:startEvent id="StartEvent_1"/>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_Approve"/>
            <bpmn:userTask id="Task_Approve" name="Approve discount">
              <bpmn:extensionElements>
                <zeebe:userTask/>
                <zeebe:formDefinition formId="credit-review"/>
                <zeebe:assignmentDefinition candidateGroups="credit-managers"/>
              </bpmn:extensionElements>
            </bpmn:userTask>
          </bpmn:process>
        </bpmn:definitions>
        """;
        BpmnModelInstance model = Bpmn.readModelFromStream(
                new java.io.ByteArrayInputStream(modelerDefault.getBytes(StandardCharsets.UTF_8)));

        assertThat(ModelChecks.userTasks("approval.bpmn", model, formIds))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.elementId()).isEqualTo("Task_Approve");
                    assertThat(finding.toString())
                            .isEqualTo("approval.bpmn: User task 'Approve discount' (Task_Approve) is a"
                                    + " Camunda user task (zeebe:userTask); this application completes job-based user tasks only: in Modeler,"
                                    + " select the task, in the properties panel under 'Implementation' set 'Type' to 'Job worker' (the form"
                                    + " and the candidate groups stay), and save.");
                });

        ZeebeUserTask marker = model.getModelElementsByType(UserTask.class)
                .iterator()
                .next()
                .getSingleExtensionElement(ZeebeUserTask.class);
        marker.getParentElement().removeChildElement(marker);
        assertThat(ModelChecks.userTasks("approval.bpmn", model, formIds))
                .as("after choosing 'Job worker'")
                .isEmpty();
    }

    @Test
    void aUserTaskWithoutFormOrGroupsOrWithAMissingFormIsNamed() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("p")
                .startEvent()
                .userTask("Task_Check")
                .name("Check")
                .zeebeFormId("no-such-form")
                .moveToProcess("p")
                .startEvent()
                .userTask("Task_Bare")
                .name("Bare")
                .done();
        assertThat(ModelChecks.userTasks("p.bpmn", model, formIds))
                .extracting(ModelChecks.Finding::message)
                .satisfiesExactlyInAnyOrder(
                        message -> assertThat(message)
                                .startsWith("User task 'Check' (Task_Check) links form 'no-such-form',"),
                        message -> assertThat(message)
                                .startsWith("User task 'Check' (Task_Check) has no candidate groups"),
                        message -> assertThat(message).startsWith("User task 'Bare' (Task_Bare) has no linked form"),
                        message ->
                                assertThat(message).startsWith("User task 'Bare' (Task_Bare) has no candidate groups"));
    }

    @Test
    void calledDecisionsAndProcessesExist() {
        for (BpmnModelInstance model : models) {
            for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
                ZeebeCalledDecision decision = task.getSingleExtensionElement(ZeebeCalledDecision.class);
                assertThat(decisionIds).as("decision of %s", task.getId()).contains(decision.getDecisionId());
            }
            for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
                ZeebeCalledElement called = call.getSingleExtensionElement(ZeebeCalledElement.class);
                assertThat(processIds).as("process called by %s", call.getId()).contains(called.getProcessId());
            }
        }
    }

    @Test
    void everyElementHasAReadableNameAndIsDrawn() {
        for (BpmnModelInstance model : models) {
            Set<String> shapes = new HashSet<>();
            model.getModelElementsByType(BpmnShape.class)
                    .forEach(shape -> shapes.add(shape.getBpmnElement().getId()));
            Set<String> edges = new HashSet<>();
            model.getModelElementsByType(BpmnEdge.class)
                    .forEach(edge -> edges.add(edge.getBpmnElement().getId()));
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                assertThat(shapes).as("%s is drawn", node.getId()).contains(node.getId());
                boolean needsName = !(node instanceof io.camunda.zeebe.model.bpmn.instance.Gateway)
                        || node.getOutgoing().size() > 1;
                if (needsName) {
                    assertThat(node.getName()).as("%s has a name", node.getId()).isNotBlank();
                }
                assertThat(node.getId()).as("readable id").doesNotMatch(".*_[0-9a-z]{7}$");
            }
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                assertThat(edges).as("%s is drawn", flow.getId()).contains(flow.getId());
            }
        }
    }

    @Test
    void formIdIsTheTopLevelIdEvenWhenComponentsComeFirst() throws IOException {
        // The form editor re-saves a form with its components before its own id (PLATFORM.md): the first "id" in the
        // file is then a component's, and only reading the JSON finds the form's.
        String resavedByTheFormEditor = """
        {
          "components": [
            { "id": "Field_0x1abcd", "key": "reviewOutcome", "type": "radio", "label": "Decision" },
            { "id": "Field_1y2bcde", "key": "reviewComment", "type": "textarea", "label": "Why" }
          ],
          "type": "default",
          "id": "credit-review",
          "executionPlatform": "Camunda Cloud",
          "executionPlatformVersion": "8.8.0",
          "schemaVersion": 19
        }
        """;
        assertThat(formId(resavedByTheFormEditor)).isEqualTo("credit-review");
        assertThat(formId("{\"components\": [{\"id\": \"Field_1\"}]}"))
                .as("a form without an id of its own")
                .isNull();
    }

    /** The form's own id: the top-level "id", wherever the editor put it; null when the form has none. */
    static String formId(String formJson) throws IOException {
        JsonNode id = JSON.readTree(formJson).path("id");
        return id.isTextual() ? id.asText() : null;
    }

    private static String text(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
