package dev.o2c.platform.engine;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The BPMN models for element names, linked forms and diagrams: the latest deployed through the application
 * (ProcessModelSource) or else the one shipped in processes/.
 */
@Component
public class ProcessModels {

    private final Map<String, BpmnModelInstance> models = new ConcurrentHashMap<>();
    private final Map<String, String> xml = new ConcurrentHashMap<>();
    private final java.util.List<ProcessModelSource> deployed;
    /** Parsed deployed models by checksum: parsing a model for every task would cost more than the lookup. */
    private final Map<String, BpmnModelInstance> parsed = new ConcurrentHashMap<>();

    ProcessModels(java.util.List<ProcessModelSource> deployed) throws IOException {
        this.deployed = java.util.List.copyOf(deployed);
        for (Resource resource :
                new PathMatchingResourcePatternResolver().getResources("classpath*:/processes/*.bpmn")) {
            try (InputStream in = resource.getInputStream()) {
                byte[] bytes = in.readAllBytes();
                BpmnModelInstance model = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(bytes));
                for (Process process : model.getModelElementsByType(Process.class)) {
                    models.put(process.getId(), model);
                    xml.put(process.getId(), new String(bytes, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public Optional<String> diagramXml(String processId) {
        Optional<ProcessModelSource.DeployedModel> latest = latestDeployed(processId);
        if (latest.isPresent()) {
            return latest.map(model -> new String(model.xml(), StandardCharsets.UTF_8));
        }
        return Optional.ofNullable(xml.get(processId));
    }

    public java.util.Set<String> processIds() {
        return java.util.Set.copyOf(models.keySet());
    }

    public String elementName(String processId, String elementId) {
        return element(processId, elementId)
                .map(FlowElement::getName)
                .filter(name -> !name.isBlank())
                .orElse(elementId);
    }

    public Optional<String> formId(String processId, String elementId) {
        return element(processId, elementId)
                .map(element -> element.getSingleExtensionElement(ZeebeFormDefinition.class))
                .map(ZeebeFormDefinition::getFormId)
                .filter(id -> !id.isBlank());
    }

    private Optional<ProcessModelSource.DeployedModel> latestDeployed(String processId) {
        for (ProcessModelSource source : deployed) {
            Optional<ProcessModelSource.DeployedModel> model = source.latestProcess(processId);
            if (model.isPresent()) {
                return model;
            }
        }
        return Optional.empty();
    }

    private Optional<FlowElement> element(String processId, String elementId) {
        BpmnModelInstance model = latestDeployed(processId)
                .map(latest -> parsed.computeIfAbsent(
                        latest.checksum(),
                        checksum -> Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(latest.xml()))))
                .orElseGet(() -> models.get(processId));
        return model == null ? Optional.empty() : Optional.ofNullable(model.getModelElementById(elementId));
    }
}
