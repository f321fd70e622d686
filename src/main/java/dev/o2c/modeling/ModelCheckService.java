package dev.o2c.modeling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o2c.modeling.ModelChecks.Finding;
import dev.o2c.platform.xml.SafeXml;
import io.camunda.client.annotation.JobWorker;
import io.camunda.zeebe.dmn.DecisionEngine;
import io.camunda.zeebe.dmn.DecisionEngineFactory;
import io.camunda.zeebe.dmn.ParsedDecisionRequirementsGraph;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks a set of process models, decision tables and forms the way this application will run them, before they are
 * deployed: BPMN parsed and validated by the Zeebe model API, every job type served by a worker of this application,
 * user tasks it can complete (ModelChecks), linked forms, called decisions and processes that exist, every element
 * drawn (so it opens in Modeler), and every string a gateway compares a decision's output with among the output's
 * allowed values. Meant for a "safe deploy" that refuses what would get stuck; at start-up it logs what it finds in
 * the shipped models.
 */
@Service
public class ModelCheckService {

    private static final Logger log = LoggerFactory.getLogger(ModelCheckService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code result.output = "VALUE"} or {@code result = "VALUE"} in a FEEL condition. */
    private static final Pattern COMPARISON =
            Pattern.compile("\\b([A-Za-z_][A-Za-z0-9_]*)(?:\\.([A-Za-z_][A-Za-z0-9_]*))?\\s*(?:=|!=)\\s*\"([^\"]*)\"");

    /** What the result of a check says; no findings means it can be deployed. */
    public record Report(List<Finding> findings) {
        public boolean deployable() {
            return findings.isEmpty();
        }
    }

    /** A decision's outputs by name, each with its allowed values (empty: none given). */
    record Decision(String id, String resource, Map<String, Set<String>> outputs) {}

    private final Set<String> workerTypes;
    private final DecisionEngine decisionEngine = DecisionEngineFactory.createDecisionEngine();

    public ModelCheckService() {
        this(workerTypesIn("dev.o2c"));
    }

    public ModelCheckService(Set<String> workerTypes) {
        this.workerTypes = Set.copyOf(workerTypes);
    }

    /** The job types the {@code @JobWorker} methods of the components under a package subscribe to. */
    public static Set<String> workerTypesIn(String basePackage) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        Set<String> types = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            try {
                for (Method method : Class.forName(candidate.getBeanClassName()).getDeclaredMethods()) {
                    JobWorker worker = method.getAnnotation(JobWorker.class);
                    if (worker != null) {
                        types.add(worker.type());
                    }
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return types;
    }

    /** The files in processes/ and forms/ as shipped with the application, by file name. */
    public static Map<String, byte[]> shippedFiles() {
        Map<String, byte[]> files = new TreeMap<>();
        var resolver = new PathMatchingResourcePatternResolver();
        try {
            for (String pattern : List.of(
                    "classpath*:/processes/*.bpmn", "classpath*:/processes/*.dmn", "classpath*:/forms/*.form")) {
                for (Resource resource : resolver.getResources(pattern)) {
                    try (InputStream in = resource.getInputStream()) {
                        files.put(resource.getFilename(), in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The shipped models and forms, checked together. */
    public Report checkShipped() {
        return check(shippedFiles());
    }

    /**
     * Candidates to deploy (by file name), checked together with the shipped files they replace or refer to. Findings
     * may name a shipped file: a changed table can break a gateway in a process that did not change.
     */
    public Report checkWithShipped(Map<String, byte[]> candidates) {
        Map<String, byte[]> files = new TreeMap<>(shippedFiles());
        files.putAll(candidates);
        return check(files);
    }

    /** Checks these files (*.bpmn, *.dmn, *.form, by file name) as one deployment. */
    public Report check(Map<String, byte[]> files) {
        List<Finding> findings = new ArrayList<>();
        Set<String> formIds = new TreeSet<>();
        Map<String, Decision> decisions = new HashMap<>();
        Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
        Set<String> processIds = new HashSet<>();

        files.forEach((name, bytes) -> {
            if (name.endsWith(".form")) {
                readForm(name, bytes, findings).ifPresent(formIds::add);
            } else if (name.endsWith(".dmn")) {
                readDecisions(name, bytes, findings).forEach(decision -> decisions.put(decision.id(), decision));
            } else if (name.endsWith(".bpmn")) {
                readModel(name, bytes, findings).ifPresent(model -> {
                    models.put(name, model);
                    model.getModelElementsByType(Process.class).forEach(process -> processIds.add(process.getId()));
                });
            } else {
                findings.add(new Finding(
                        name, null, name + " is neither a BPMN (.bpmn), DMN (.dmn) nor form (.form) file."));
            }
        });

        models.forEach((name, model) -> {
            findings.addAll(ModelChecks.userTasks(name, model, formIds));
            jobTypes(name, model, findings);
            calledDecisionsAndProcesses(name, model, decisions, processIds, findings);
            drawn(name, model, findings);
            gatewayComparisons(name, model, decisions, findings);
        });
        return new Report(List.copyOf(findings));
    }

    /** Off the start-up thread: parsing every model and table takes a few seconds of CPU the first time. */
    @EventListener(ApplicationReadyEvent.class)
    void logFindingsOfShippedModels() {
        Thread.ofVirtual().name("process-model-check").start(() -> {
            try {
                Report report = checkShipped();
                report.findings().forEach(finding -> log.error("Process model check: {}", finding));
                if (report.deployable()) {
                    log.info("Process model check: the models in processes/ and forms/ pass");
                }
            } catch (RuntimeException e) {
                log.error("Process model check could not run", e);
            }
        });
    }

    private java.util.Optional<String> readForm(String name, byte[] bytes, List<Finding> findings) {
        try {
            JsonNode id = JSON.readTree(bytes).path("id");
            if (id.isTextual() && !id.asText().isBlank()) {
                return java.util.Optional.of(id.asText());
            }
            findings.add(new Finding(
                    name,
                    null,
                    "Form " + name + " has no id: give it one in the form editor"
                            + " (properties panel of the form, 'Form ID'); user tasks link forms by that id."));
        } catch (IOException e) {
            findings.add(new Finding(name, null, "Form " + name + " is not valid JSON: " + e.getMessage()));
        }
        return java.util.Optional.empty();
    }

    private List<Decision> readDecisions(String name, byte[] bytes, List<Finding> findings) {
        ParsedDecisionRequirementsGraph parsed = decisionEngine.parse(new ByteArrayInputStream(bytes));
        if (!parsed.isValid()) {
            findings.add(new Finding(
                    name,
                    null,
                    "Decision file " + name + " cannot be parsed by the engine's DMN engine: "
                            + parsed.getFailureMessage()));
            return List.of();
        }
        List<Decision> decisions = new ArrayList<>();
        try {
            NodeList nodes = SafeXml.parse(bytes).getElementsByTagNameNS("*", "decision");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element decision = (Element) nodes.item(i);
                Map<String, Set<String>> outputs = new LinkedHashMap<>();
                NodeList outputNodes = decision.getElementsByTagNameNS("*", "output");
                for (int j = 0; j < outputNodes.getLength(); j++) {
                    Element output = (Element) outputNodes.item(j);
                    NodeList values = output.getElementsByTagNameNS("*", "outputValues");
                    outputs.put(
                            output.getAttribute("name"),
                            values.getLength() == 0
                                    ? Set.of()
                                    : allowedValues(values.item(0).getTextContent()));
                }
                decisions.add(new Decision(decision.getAttribute("id"), name, outputs));
            }
        } catch (Exception e) {
            findings.add(new Finding(name, null, "Decision file " + name + " cannot be read: " + e.getMessage()));
        }
        return decisions;
    }

    /** {@code "APPROVE","REVIEW","REJECT"} (DMN unary tests of string literals) as a set of the strings. */
    static Set<String> allowedValues(String unaryTests) {
        Set<String> values = new LinkedHashSet<>();
        Matcher matcher = Pattern.compile("\"([^\"]*)\"").matcher(unaryTests);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    private static java.util.Optional<BpmnModelInstance> readModel(String name, byte[] bytes, List<Finding> findings) {
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
        } catch (RuntimeException e) {
            findings.add(new Finding(name, null, "Process model " + name + " cannot be read: " + e.getMessage()));
            return java.util.Optional.empty();
        }
        var results = model.validate(ZeebeDesignTimeValidators.VALIDATORS);
        results.getResults().forEach((element, list) -> list.stream()
                .filter(result -> result.getType() == ValidationResultType.ERROR)
                .forEach(result -> findings.add(new Finding(
                        name,
                        idOf(element),
                        "The engine would refuse " + describe(element) + ": " + result.getMessage()))));
        return java.util.Optional.of(model);
    }

    private void jobTypes(String name, BpmnModelInstance model, List<Finding> findings) {
        for (ZeebeTaskDefinition definition : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
            String type = definition.getType();
            if (type != null && !type.startsWith("=") && !workerTypes.contains(type)) {
                var task = definition.getParentElement().getParentElement();
                findings.add(new Finding(
                        name,
                        idOf(task),
                        describe(task) + " has job type '" + type
                                + "', which no worker of this application serves, so it would wait for good: pick the task's template"
                                + " from the category 'Order to cash' (or a job type of "
                                + String.join(", ", workerTypes) + ")."));
            }
        }
    }

    private static void calledDecisionsAndProcesses(
            String name,
            BpmnModelInstance model,
            Map<String, Decision> decisions,
            Set<String> processIds,
            List<Finding> findings) {
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            ZeebeCalledDecision called = task.getSingleExtensionElement(ZeebeCalledDecision.class);
            if (called != null
                    && !called.getDecisionId().startsWith("=")
                    && !decisions.containsKey(called.getDecisionId())) {
                findings.add(new Finding(
                        name,
                        task.getId(),
                        describe(task) + " calls decision '" + called.getDecisionId()
                                + "', which is in no .dmn file (there are: "
                                + String.join(", ", new TreeSet<>(decisions.keySet()))
                                + ")."));
            }
        }
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            ZeebeCalledElement called = call.getSingleExtensionElement(ZeebeCalledElement.class);
            if (called != null
                    && !called.getProcessId().startsWith("=")
                    && !processIds.contains(called.getProcessId())) {
                findings.add(new Finding(
                        name,
                        call.getId(),
                        describe(call) + " calls process '" + called.getProcessId() + "', which is in no .bpmn file."));
            }
        }
    }

    private static void drawn(String name, BpmnModelInstance model, List<Finding> findings) {
        Set<String> shapes = new HashSet<>();
        model.getModelElementsByType(BpmnShape.class)
                .forEach(shape -> shapes.add(shape.getBpmnElement().getId()));
        Set<String> edges = new HashSet<>();
        model.getModelElementsByType(BpmnEdge.class)
                .forEach(edge -> edges.add(edge.getBpmnElement().getId()));
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!shapes.contains(node.getId())) {
                findings.add(new Finding(
                        name,
                        node.getId(),
                        describe(node) + " has no shape in the diagram, so Modeler"
                                + " does not show it: add it in Modeler rather than in the XML."));
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (!edges.contains(flow.getId())) {
                findings.add(new Finding(
                        name,
                        flow.getId(),
                        "Sequence flow " + flow.getId() + " has no line in the diagram,"
                                + " so Modeler does not show it: draw it in Modeler rather than in the XML."));
            }
        }
    }

    /**
     * A gateway that compares a decision's output with a string the table never returns takes no path (an incident)
     * or only its default: each such string must be one of the output's allowed values, and the output must have them.
     */
    private static void gatewayComparisons(
            String name, BpmnModelInstance model, Map<String, Decision> decisions, List<Finding> findings) {
        Map<String, Decision> byResultVariable = new HashMap<>();
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            ZeebeCalledDecision called = task.getSingleExtensionElement(ZeebeCalledDecision.class);
            if (called != null && called.getResultVariable() != null && decisions.containsKey(called.getDecisionId())) {
                byResultVariable.put(called.getResultVariable(), decisions.get(called.getDecisionId()));
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            ConditionExpression condition = flow.getConditionExpression();
            if (condition == null || condition.getTextContent() == null) {
                continue;
            }
            Matcher matcher = COMPARISON.matcher(condition.getTextContent());
            while (matcher.find()) {
                Decision decision = byResultVariable.get(matcher.group(1));
                if (decision == null) {
                    continue;
                }
                String output = matcher.group(2);
                if (output == null) {
                    if (decision.outputs().size() != 1) {
                        continue; // the whole result of a multi-output table is a context, never a string
                    }
                    output = decision.outputs().keySet().iterator().next();
                }
                String value = matcher.group(3);
                String where =
                        "Flow '" + (flow.getName() == null ? flow.getId() : flow.getName()) + "' (" + flow.getId()
                                + ") compares " + matcher.group(0).replaceAll("\\s*(!?=)\\s*.*", "") + " of decision '"
                                + decision.id()
                                + "' with \"" + value + "\"";
                Set<String> allowed = decision.outputs().get(output);
                if (allowed == null) {
                    findings.add(new Finding(
                            name,
                            flow.getId(),
                            where + ", but the decision has no output '" + output + "' (it has "
                                    + String.join(", ", decision.outputs().keySet()) + ")."));
                } else if (allowed.isEmpty()) {
                    findings.add(new Finding(
                            name,
                            flow.getId(),
                            where + ", but output '" + output + "' in "
                                    + decision.resource()
                                    + " has no allowed values: give it them in the table (output column header,"
                                    + " 'Allowed values'), so a mistyped value is caught."));
                } else if (!allowed.contains(value)) {
                    findings.add(new Finding(
                            name,
                            flow.getId(),
                            where + ", which is not one of its allowed values " + allowed
                                    + ": the table never returns it, so this path is never taken."));
                }
            }
        }
    }

    private static String idOf(Object element) {
        return element instanceof BaseElement base ? base.getId() : null;
    }

    private static String describe(Object element) {
        if (element instanceof FlowNode node) {
            String kind = node.getElementType().getTypeName();
            String words = String.join(
                    " ",
                    Arrays.stream(kind.split("(?=[A-Z])"))
                            .map(String::toLowerCase)
                            .toList());
            String label = node.getName() == null || node.getName().isBlank() ? node.getId() : node.getName();
            return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " '" + label + "' (" + node.getId()
                    + ")";
        }
        return element instanceof BaseElement base
                ? base.getElementType().getTypeName() + " " + base.getId()
                : String.valueOf(element);
    }
}
