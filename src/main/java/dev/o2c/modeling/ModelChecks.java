package dev.o2c.modeling;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks of the process models that Modeler and the engine both accept but this application cannot run, with messages
 * that tell an analyst what to change in Modeler. Pure functions of the model, so the build (tests), the application
 * (at start-up) and a later pre-deployment check all say the same thing.
 */
public final class ModelChecks {

    private ModelChecks() {}

    /** One problem in one model element; {@code resource} is the file name, e.g. order-to-cash.bpmn. */
    public record Finding(String resource, String elementId, String message) {
        @Override
        public String toString() {
            return resource + ": " + message;
        }
    }

    /**
     * User tasks as this application runs them: job-based (no zeebe:userTask), with a linked form and candidate groups.
     * Desktop Modeler targeting 8.8 adds zeebe:userTask to every new or replaced user task; the engine accepts it, but
     * such a task is completed only through the REST API of a full Camunda cluster, never reaches the task inbox, and
     * the process waits there for good.
     *
     * @param formIds the ids of the forms in forms/; null to skip checking that the linked form exists
     */
    public static List<Finding> userTasks(String resource, BpmnModelInstance model, Set<String> formIds) {
        List<Finding> findings = new ArrayList<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String label = describe(task);
            if (task.getSingleExtensionElement(ZeebeUserTask.class) != null) {
                findings.add(new Finding(
                        resource,
                        task.getId(),
                        label
                                + " is a Camunda user task (zeebe:userTask); this application completes job-based user tasks only:"
                                + " in Modeler, select the task, in the properties panel under 'Implementation' set 'Type' to"
                                + " 'Job worker' (the form and the candidate groups stay), and save."));
            }
            ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
            if (form == null || isBlank(form.getFormId())) {
                findings.add(new Finding(
                        resource,
                        task.getId(),
                        label
                                + " has no linked form: in Modeler, under 'Form' choose 'Camunda Form (linked)' and enter the id of a"
                                + " form in forms/"
                                + (formIds == null ? "" : " (" + String.join(", ", sorted(formIds)) + ")") + "."));
            } else if (formIds != null && !formIds.contains(form.getFormId())) {
                findings.add(new Finding(
                        resource,
                        task.getId(),
                        label + " links form '" + form.getFormId() + "', which is not in forms/ (there are: "
                                + String.join(", ", sorted(formIds)) + ")."));
            }
            ZeebeAssignmentDefinition assignment = task.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
            if (assignment == null || isBlank(assignment.getCandidateGroups())) {
                findings.add(new Finding(
                        resource,
                        task.getId(),
                        label
                                + " has no candidate groups, so nobody sees it in the inbox: in Modeler, under 'Assignment' enter"
                                + " 'Candidate groups' (e.g. credit-analysts)."));
            }
        }
        return findings;
    }

    private static String describe(UserTask task) {
        return "User task '" + (isBlank(task.getName()) ? task.getId() : task.getName()) + "' (" + task.getId() + ")";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
