package dev.o2c.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The input fields of a Camunda Form (form-js JSON) and their validation rules. */
public record FormSchema(String id, JsonNode json, List<Field> fields) {

    /**
     * One keyed component. {@code type} is the form-js type (textfield, textarea, number, datetime, radio, select,
     * checkbox, checklist, taglist); {@code subtype} is the datetime's kind (date, time, datetime). A disabled field is
     * shown for information only: form-js does not submit it, and neither may anyone else.
     */
    public record Field(
            String key,
            String type,
            String subtype,
            String label,
            boolean required,
            Integer minLength,
            Integer maxLength,
            BigDecimal min,
            BigDecimal max,
            Integer decimalDigits,
            String pattern,
            Set<String> allowedValues,
            String hideWhen,
            boolean disabled,
            boolean readonly,
            boolean serializeToString) {

        public boolean answerable() {
            return !disabled && !readonly;
        }
    }

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
            Set<String> allowed = new LinkedHashSet<>();
            component.path("values").forEach(v -> allowed.add(v.path("value").asText()));
            into.add(new Field(
                    component.path("key").asText(),
                    component.path("type").asText(),
                    component.path("subtype").asText(null),
                    component
                            .path("label")
                            .asText(component
                                    .path("dateLabel")
                                    .asText(component.path("key").asText())),
                    validate.path("required").asBoolean(false),
                    integer(validate, "minLength"),
                    integer(validate, "maxLength"),
                    decimal(validate, "min"),
                    decimal(validate, "max"),
                    integer(component, "decimalDigits"),
                    validate.path("pattern").asText(null),
                    Set.copyOf(allowed),
                    component.path("conditional").path("hide").asText(null),
                    component.path("disabled").asBoolean(false),
                    component.path("readonly").asBoolean(false),
                    component.path("serializeToString").asBoolean(false)));
        }
    }

    private static Integer integer(JsonNode node, String name) {
        return node.hasNonNull(name) ? node.path(name).asInt() : null;
    }

    private static BigDecimal decimal(JsonNode node, String name) {
        return node.hasNonNull(name) && node.path(name).isNumber()
                ? node.path(name).decimalValue()
                : null;
    }

    public Set<String> keys() {
        return fields.stream().map(Field::key).collect(Collectors.toSet());
    }
}
