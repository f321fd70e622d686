package dev.o2c.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The input fields of a Camunda Form (form-js JSON) and their validation rules. */
public record FormSchema(String id, JsonNode json, List<Field> fields) {

  public record Field(String key, String type, String label, boolean required, Integer minLength, Integer maxLength,
      Set<String> allowedValues, String hideWhen) {}

  static FormSchema parse(JsonNode json) {
    List<Field> fields = new ArrayList<>();
    collect(json.path("components"), fields);
    return new FormSchema(json.path("id").asText(), json, List.copyOf(fields));
  }

  private static void collect(JsonNode components, List<Field> into) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        collect(component.path("components"), into);
      }
      if (!component.hasNonNull("key")) {
        continue;
      }
      JsonNode validate = component.path("validate");
      Set<String> allowed = component.has("values")
          ? streamOf(component.path("values")).stream().map(v -> v.path("value").asText()).collect(Collectors.toSet())
          : Set.of();
      into.add(new Field(component.path("key").asText(), component.path("type").asText(),
          component.path("label").asText(component.path("dateLabel").asText(component.path("key").asText())),
          validate.path("required").asBoolean(false),
          validate.has("minLength") ? validate.path("minLength").asInt() : null,
          validate.has("maxLength") ? validate.path("maxLength").asInt() : null,
          allowed,
          component.path("conditional").path("hide").asText(null)));
    }
  }

  private static List<JsonNode> streamOf(JsonNode array) {
    List<JsonNode> nodes = new ArrayList<>();
    array.forEach(nodes::add);
    return nodes;
  }

  public Set<String> keys() {
    return fields.stream().map(Field::key).collect(Collectors.toSet());
  }
}
