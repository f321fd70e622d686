package dev.o2c.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@link Allowed} for every office group, not the warehouse: the warehouse answers the disputes routed to it and sees
 * nothing else (customers, orders, credit). The one place that lists them, for the endpoints every office user reads.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Allowed({
    Groups.SALES,
    Groups.CREDIT_ANALYSTS,
    Groups.CREDIT_MANAGERS,
    Groups.COLLECTORS,
    Groups.AR_CLERKS,
    Groups.OPERATORS,
    Groups.BUSINESS_ANALYSTS
})
public @interface OfficeStaff {}
