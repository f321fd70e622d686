package dev.o2c.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms by form id: the latest deployed through the application (FormSource) or else the one shipped in
 * forms/, the same files that are deployed to the engine.
 */
@Component
public class FormRegistry {

    private final Map<String, FormSchema> forms = new ConcurrentHashMap<>();
    private final List<FormSource> deployed;

    FormRegistry(ObjectMapper json) throws IOException {
        this(json, List.of());
    }

    @Autowired
    FormRegistry(ObjectMapper json, List<FormSource> deployed) throws IOException {
        this.deployed = List.copyOf(deployed);
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:/forms/*.form")) {
            try (InputStream in = resource.getInputStream()) {
                FormSchema schema = FormSchema.parse(json.readTree(in));
                forms.put(schema.id(), schema);
            } catch (IOException e) {
                throw new UncheckedIOException("form " + resource.getFilename() + " is not valid JSON", e);
            }
        }
    }

    public Optional<FormSchema> find(String formId) {
        if (formId == null) {
            return Optional.empty();
        }
        for (FormSource source : deployed) {
            Optional<JsonNode> form = source.latestForm(formId);
            if (form.isPresent()) {
                return form.map(FormSchema::parse);
            }
        }
        return Optional.ofNullable(forms.get(formId));
    }
}
