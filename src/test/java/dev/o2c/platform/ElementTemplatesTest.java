package dev.o2c.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.camunda.client.annotation.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The element templates analysts pick in Desktop Modeler (processes/.camunda/element-templates, found there because it
 * is a parent folder of the diagrams): each is valid against Camunda's element template schema (the npm package
 * installed by the build, so Modeler will load it), and every job type used in processes/ has a worker and a template,
 * and every worker a template.
 */
class ElementTemplatesTest {

    static final Path TEMPLATES = Path.of("processes/.camunda/element-templates");
    static final Path SCHEMA = Path.of(
            "src/main/frontend/node_modules/@camunda/zeebe-element-templates-json-schema/resources/schema.json");
    static final String USER_TASK_JOB_TYPE = "io.camunda.zeebe:userTask";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, JsonNode> templates = new TreeMap<>();
    private static final Set<String> workerTypes = new TreeSet<>();
    private static final Set<String> bpmnJobTypes = new TreeSet<>();

    @BeforeAll
    static void readTemplatesWorkersAndModels() throws Exception {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                templates.put(file, JSON.readTree(file.toFile()));
            }
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
        for (Resource resource :
                new PathMatchingResourcePatternResolver().getResources("classpath*:/processes/*.bpmn")) {
            try (InputStream in = resource.getInputStream()) {
                Bpmn.readModelFromStream(in)
                        .getModelElementsByType(ZeebeTaskDefinition.class)
                        .forEach(definition -> bpmnJobTypes.add(definition.getType()));
            }
        }
        assertThat(templates).as("templates in %s", TEMPLATES).isNotEmpty();
        assertThat(workerTypes).as("job workers found").isNotEmpty();
        assertThat(bpmnJobTypes).as("job types in processes/").isNotEmpty();
    }

    @Test
    void everyTemplateIsValidAgainstCamundasSchema() throws IOException {
        assertThat(SCHEMA)
                .as("the schema comes with the build's npm install (src/main/frontend devDependencies)")
                .exists();
        JsonSchema schema =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(JSON.readTree(SCHEMA.toFile()));
        Map<String, List<String>> errors = new TreeMap<>();
        templates.forEach((file, template) -> {
            Set<ValidationMessage> messages = schema.validate(template);
            if (!messages.isEmpty()) {
                errors.put(
                        file.getFileName().toString(),
                        messages.stream().map(ValidationMessage::getMessage).toList());
            }
        });
        assertThat(errors).as("schema violations").isEmpty();
    }

    @Test
    void schemaValidationCatchesABrokenTemplate() throws IOException {
        JsonSchema schema =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(JSON.readTree(SCHEMA.toFile()));
        // A form on a job-based user task: the schema only allows zeebe:formDefinition together with zeebe:userTask.
        JsonNode broken = JSON.readTree("""
        {"$schema": "https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json",
         "name": "Broken", "id": "broken", "appliesTo": ["bpmn:UserTask"], "elementType": {"value": "bpmn:UserTask"},
         "properties": [{"type": "Hidden", "value": "credit-review",
                         "binding": {"type": "zeebe:formDefinition", "property": "formId"}}]}
        """);
        assertThat(schema.validate(broken)).isNotEmpty();
    }

    @Test
    void templatesAreNamedAfterTheirJobTypeAndHaveDistinctIds() {
        Map<String, Path> ids = new HashMap<>();
        templates.forEach((file, template) -> {
            String id = template.path("id").asText();
            assertThat(ids.put(id, file)).as("template id %s used twice", id).isNull();
            assertThat(template.path("category").path("id").asText())
                    .as("%s category", file)
                    .isEqualTo("o2c");
            jobType(template)
                    .ifPresent(type -> assertThat(file.getFileName().toString()).isEqualTo(type + ".json"));
        });
    }

    @Test
    void everyJobTypeInTheProcessesHasAWorkerAndATemplate() {
        Set<String> templated = templatedJobTypes();
        List<String> missing = new ArrayList<>();
        for (String type : bpmnJobTypes) {
            if (!workerTypes.contains(type)) {
                missing.add(type + ": no @JobWorker");
            }
            if (!templated.contains(type)) {
                missing.add(type + ": no element template in " + TEMPLATES);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyWorkerHasATemplateAndEveryTemplateAWorker() {
        Set<String> templated = templatedJobTypes();
        assertThat(templated).as("job types with a template").containsExactlyInAnyOrderElementsOf(workerTypes);
    }

    /**
     * Job types the templates provide: the fixed zeebe:taskDefinition type of service task templates, and
     * io.camunda.zeebe:userTask for a user task template without zeebe:userTask (a job-based user task).
     */
    private static Set<String> templatedJobTypes() {
        Set<String> types = new TreeSet<>();
        for (JsonNode template : templates.values()) {
            jobType(template).ifPresent(types::add);
            if (template.path("elementType").path("value").asText().equals("bpmn:UserTask")
                    && bindings(template)
                            .noneMatch(binding -> binding.path("type").asText().equals("zeebe:userTask"))) {
                types.add(USER_TASK_JOB_TYPE);
            }
        }
        return types;
    }

    private static java.util.Optional<String> jobType(JsonNode template) {
        for (JsonNode property : template.path("properties")) {
            JsonNode binding = property.path("binding");
            if (binding.path("type").asText().equals("zeebe:taskDefinition")
                    && binding.path("property").asText().equals("type")) {
                assertThat(property.path("type").asText())
                        .as("job type of %s is fixed", template.path("id").asText())
                        .isEqualTo("Hidden");
                return java.util.Optional.of(property.path("value").asText());
            }
        }
        return java.util.Optional.empty();
    }

    private static Stream<JsonNode> bindings(JsonNode template) {
        List<JsonNode> bindings = new ArrayList<>();
        template.path("properties").forEach(property -> bindings.add(property.path("binding")));
        return bindings.stream();
    }
}
