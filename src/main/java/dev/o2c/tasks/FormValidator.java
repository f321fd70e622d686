package dev.o2c.tasks;

import dev.o2c.platform.web.ApiProblem;
import java.util.HashMap;
import java.util.Map;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.springframework.stereotype.Component;

/**
 * Checks submitted task variables against the form, as form-js does in the browser, because the API can be called
 * without the form: only the form's fields, required ones present, lengths and choices respected. A field hidden by
 * its FEEL condition is not required.
 */
@Component
class FormValidator {

  private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();

  void validate(FormSchema form, Map<String, Object> submitted, Map<String, Object> taskVariables) {
    for (String key : submitted.keySet()) {
      if (!form.keys().contains(key)) {
        throw ApiProblem.invalid(key, "is not a field of form " + form.id());
      }
    }
    Map<String, Object> context = new HashMap<>(taskVariables);
    context.putAll(submitted);
    for (FormSchema.Field field : form.fields()) {
      if (hidden(field, context)) {
        continue;
      }
      Object value = submitted.get(field.key());
      boolean blank = value == null || value.toString().isBlank();
      if (blank) {
        if (field.required()) {
          throw ApiProblem.invalid(field.key(), field.label() + " is required");
        }
        continue;
      }
      String text = value.toString();
      if (!field.allowedValues().isEmpty() && !field.allowedValues().contains(text)) {
        throw ApiProblem.invalid(field.key(), "must be one of " + field.allowedValues());
      }
      if (field.minLength() != null && text.length() < field.minLength()) {
        throw ApiProblem.invalid(field.key(), "must have at least " + field.minLength() + " characters");
      }
      if (field.maxLength() != null && text.length() > field.maxLength()) {
        throw ApiProblem.invalid(field.key(), "must have at most " + field.maxLength() + " characters");
      }
      if ("datetime".equals(field.type()) && !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
        throw ApiProblem.invalid(field.key(), "must be a date like 2026-12-31");
      }
    }
  }

  private boolean hidden(FormSchema.Field field, Map<String, Object> context) {
    if (field.hideWhen() == null || field.hideWhen().isBlank()) {
      return false;
    }
    String expression = field.hideWhen().startsWith("=") ? field.hideWhen().substring(1) : field.hideWhen();
    EvaluationResult result = feel.evaluateExpression(expression, context);
    return result.isSuccess() && Boolean.TRUE.equals(result.result());
  }
}
