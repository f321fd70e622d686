package dev.o2c.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Variables that name an instance for people, best first, and how they are shown (both console sources use it). */
final class BusinessKeys {

    private static final Map<String, String> FORMATS = new LinkedHashMap<>();

    static {
        FORMATS.put("invoiceNumber", "%s");
        FORMATS.put("orderId", "ORDER-%s");
        FORMATS.put("statementEntryId", "%s");
        FORMATS.put("reviewId", "LIMIT-REVIEW-%s");
    }

    static final List<String> VARIABLES = List.copyOf(FORMATS.keySet());

    private BusinessKeys() {}

    /** The business key a variable gives its instance, if it is one of those that name instances. */
    static Optional<String> of(String variable, String jsonValue) {
        String format = FORMATS.get(variable);
        return format == null || jsonValue == null
                ? Optional.empty()
                : Optional.of(format.formatted(jsonValue.replace("\"", "")));
    }

    /** The best business key among an instance's variables (name to JSON value). */
    static String best(Map<String, String> variables) {
        for (String name : VARIABLES) {
            Optional<String> key = of(name, variables.get(name));
            if (key.isPresent()) {
                return key.get();
            }
        }
        return null;
    }
}
