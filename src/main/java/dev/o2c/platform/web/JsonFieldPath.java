package dev.o2c.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Turns Jackson's reference chain into a field path such as {@code lines[0].quantity}. */
final class JsonFieldPath {

    private JsonFieldPath() {}

    static String of(HttpMessageNotReadableException e) {
        if (!(e.getCause() instanceof JsonMappingException mapping)
                || mapping.getPath().isEmpty()) {
            return null;
        }
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
