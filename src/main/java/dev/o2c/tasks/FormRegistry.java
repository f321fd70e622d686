package dev.o2c.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The Camunda Forms shipped in forms/, by form id: the same files that are deployed to the engine. */
@Component
public class FormRegistry {

  private final Map<String, FormSchema> forms = new ConcurrentHashMap<>();

  FormRegistry(ObjectMapper json) throws IOException {
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
    return Optional.ofNullable(formId).map(forms::get);
  }
}
