package dev.o2c.tasks;

import dev.o2c.platform.text.Texts;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.springframework.stereotype.Component;

/**
 * Checks submitted task variables against the form, as form-js does in the browser, because the API can be called
 * without the form. Only the form's answerable fields; required ones present; each value of its field's type (text is
 * a string, a number a number within its bounds and decimals, a date a real calendar date of the field's subtype, a
 * choice one of its options); a field hidden by its FEEL condition is neither required nor accepted. Whatever
 * passes here is safe to hand to the process: the domain's own guards check what the values mean.
 */
@Component
class FormValidator {

    /** Text without a maxLength in the form still has one: it becomes a process variable and an audit line. */
    static final int DEFAULT_MAX_TEXT = 4000;
    /** The largest amount the database keeps (numeric(19, 2)); also bounds ids and counts. */
    static final BigDecimal DEFAULT_MAX_NUMBER = new BigDecimal("99999999999999999.99");

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();

    void validate(FormSchema form, Map<String, Object> submitted, Map<String, Object> taskVariables) {
        Map<String, FormSchema.Field> fields = new HashMap<>();
        form.fields().forEach(field -> fields.put(field.key(), field));
        for (Map.Entry<String, Object> answer : submitted.entrySet()) {
            FormSchema.Field field = fields.get(answer.getKey());
            if (field == null) {
                throw new InvalidTaskException(answer.getKey(), "is not a field of form " + form.id());
            }
            if (!field.answerable() && !blank(answer.getValue())) {
                throw new InvalidTaskException(
                        field.key(), field.label() + " is shown for information and cannot be answered");
            }
        }
        Map<String, Object> context = new HashMap<>(taskVariables);
        context.putAll(submitted);
        for (FormSchema.Field field : form.fields()) {
            Object value = submitted.get(field.key());
            if (!field.answerable()) {
                continue;
            }
            if (hidden(field, context)) {
                if (!blank(value)) {
                    throw new InvalidTaskException(
                            field.key(), field.label() + " is not part of this answer (hidden by the form)");
                }
                continue;
            }
            if (blank(value)) {
                if (field.required()) {
                    throw new InvalidTaskException(field.key(), field.label() + " is required");
                }
                continue;
            }
            checkValue(field, value);
        }
    }

    private void checkValue(FormSchema.Field field, Object value) {
        switch (field.type()) {
            case "textfield", "textarea" -> checkText(field, value);
            case "number" -> checkNumber(field, value);
            case "datetime" -> checkDateTime(field, value);
            case "radio", "select" -> checkChoice(field, value);
            case "checkbox" -> {
                if (!(value instanceof Boolean)) {
                    throw new InvalidTaskException(field.key(), field.label() + " must be true or false");
                }
            }
            case "checklist", "taglist" -> {
                if (!(value instanceof Collection<?> values)) {
                    throw new InvalidTaskException(
                            field.key(), field.label() + " must be a list of " + field.allowedValues());
                }
                values.forEach(each -> checkChoice(field, each));
            }
            default ->
                throw new InvalidTaskException(
                        field.key(),
                        field.label() + " is a '" + field.type() + "' field, which this application cannot check");
        }
    }

    private static void checkText(FormSchema.Field field, Object value) {
        if (!(value instanceof String text)) {
            throw new InvalidTaskException(field.key(), field.label() + " must be text");
        }
        if (Texts.hasForbiddenControlCharacter(text)) {
            throw new InvalidTaskException(field.key(), field.label() + " contains control characters");
        }
        if (field.minLength() != null && text.strip().length() < field.minLength()) {
            throw new InvalidTaskException(field.key(), "must have at least " + field.minLength() + " characters");
        }
        int max = field.maxLength() == null ? DEFAULT_MAX_TEXT : field.maxLength();
        if (text.length() > max) {
            throw new InvalidTaskException(field.key(), "must have at most " + max + " characters");
        }
        if (field.pattern() != null && !field.pattern().isBlank() && !matches(field.pattern(), text)) {
            throw new InvalidTaskException(field.key(), field.label() + " does not have the expected format");
        }
    }

    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).matches();
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("form pattern " + pattern + " is not a regular expression", e);
        }
    }

    private static void checkNumber(FormSchema.Field field, Object value) {
        BigDecimal number = numberOf(field, value);
        if (number == null) {
            throw new InvalidTaskException(field.key(), field.label() + " must be a number");
        }
        int decimals = field.decimalDigits() == null ? 2 : field.decimalDigits();
        if (number.stripTrailingZeros().scale() > decimals) {
            throw new InvalidTaskException(
                    field.key(),
                    field.label()
                            + (decimals == 0
                                    ? " must be a whole number"
                                    : " must have at most " + decimals + " decimals"));
        }
        BigDecimal max = field.max() == null ? DEFAULT_MAX_NUMBER : field.max();
        BigDecimal min = field.min() == null ? DEFAULT_MAX_NUMBER.negate() : field.min();
        if (number.compareTo(min) < 0) {
            throw new InvalidTaskException(field.key(), field.label() + " must be at least " + min.toPlainString());
        }
        if (number.compareTo(max) > 0) {
            throw new InvalidTaskException(field.key(), field.label() + " must be at most " + max.toPlainString());
        }
    }

    private static BigDecimal numberOf(FormSchema.Field field, Object value) {
        if (value instanceof Integer
                || value instanceof Long
                || value instanceof BigInteger
                || value instanceof BigDecimal) {
            return new BigDecimal(value.toString());
        }
        if (value instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d);
        }
        if (value instanceof String text && field.serializeToString()) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static void checkDateTime(FormSchema.Field field, Object value) {
        String subtype = field.subtype() == null ? "date" : field.subtype();
        if (!(value instanceof String text)) {
            throw new InvalidTaskException(field.key(), field.label() + " must be a " + subtype + " as text");
        }
        try {
            switch (subtype) {
                case "date" -> LocalDate.parse(text, DATE);
                case "time" -> parseTime(text);
                default -> parseDateTime(text);
            }
        } catch (DateTimeParseException e) {
            throw new InvalidTaskException(
                    field.key(),
                    field.label() + " must be a real " + subtype
                            + ("date".equals(subtype) ? " like 2026-12-31" : " in ISO 8601"));
        }
    }

    private static void parseTime(String text) {
        try {
            OffsetTime.parse(text);
        } catch (DateTimeParseException e) {
            LocalTime.parse(text);
        }
    }

    private static void parseDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            LocalDateTime.parse(text);
        }
    }

    private static void checkChoice(FormSchema.Field field, Object value) {
        if (!(value instanceof String text)) {
            throw new InvalidTaskException(field.key(), field.label() + " must be one of " + field.allowedValues());
        }
        if (!field.allowedValues().isEmpty() && !field.allowedValues().contains(text)) {
            throw new InvalidTaskException(field.key(), "must be one of " + field.allowedValues());
        }
    }

    private static boolean blank(Object value) {
        return value == null || value instanceof String text && text.isBlank();
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
