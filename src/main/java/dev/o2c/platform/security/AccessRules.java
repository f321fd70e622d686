package dev.o2c.platform.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Reads the access rule of an endpoint: the one place that knows where {@link Allowed} is looked for, used by the
 * access check, the OpenAPI document and the tests that probe every endpoint.
 */
public final class AccessRules {

    private static final String OWN_PACKAGE = "dev.o2c.";

    private AccessRules() {}

    /** The groups named on the method, else on its controller; empty when neither has {@link Allowed}. */
    public static List<String> groupsFor(HandlerMethod handler) {
        Allowed rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Allowed.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Allowed.class);
        }
        return rule == null ? List.of() : Arrays.asList(rule.value());
    }

    /** Whether the endpoint is the application's own (a library's, such as the OpenAPI document, carries no rule). */
    public static boolean isOwn(HandlerMethod handler) {
        return handler.getBeanType().getPackageName().startsWith(OWN_PACKAGE);
    }
}
