package dev.o2c.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which groups may call an API endpoint (on the method, or on the controller for all its methods; the method wins).
 * Checked by {@link AuthorizeFirst} before the request body is read or validated, so a caller without the group
 * gets 403 and never learns which fields were wrong. Every endpoint under /api carries one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Allowed {

    /** Any signed-in user, whatever their groups. */
    String ANY_USER = "*";

    /** Group names from {@link Groups}, or {@link #ANY_USER}. */
    String[] value();
}
