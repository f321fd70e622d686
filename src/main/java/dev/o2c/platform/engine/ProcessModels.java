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

/** The BPMN models shipped in processes/ (the ones deployed), for element names, linked forms and diagrams. */
@Component
public class ProcessModels {

  private final Map<String, BpmnModelInstance> models = new ConcurrentHashMap<>();
  private final Map<String, String> xml = new ConcurrentHashMap<>();

  ProcessModels() throws IOException {
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:/processes/*.bpmn")) {
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
    return Optional.ofNullable(xml.get(processId));
  }

  public java.util.Set<String> processIds() {
    return java.util.Set.copyOf(models.keySet());
  }

  public String elementName(String processId, String elementId) {
    return element(processId, elementId).map(FlowElement::getName).filter(name -> !name.isBlank()).orElse(elementId);
  }

  public Optional<String> formId(String processId, String elementId) {
    return element(processId, elementId)
        .map(element -> element.getSingleExtensionElement(ZeebeFormDefinition.class))
        .map(ZeebeFormDefinition::getFormId)
        .filter(id -> !id.isBlank());
  }

  private Optional<FlowElement> element(String processId, String elementId) {
    BpmnModelInstance model = models.get(processId);
    return model == null ? Optional.empty() : Optional.ofNullable(model.getModelElementById(elementId));
  }
}
