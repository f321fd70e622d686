package dev.o2c.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses API calls whose query string carries an encoded control character (%00 to %1F, %7F): such a value can
 * reach a parameter bound as text and then PostgreSQL, which cannot store NUL. Runs after the access check (its
 * order is after {@code AuthorizeFirst}'s), reads only the raw query string, never the body.
 */
@Configuration(proxyBeanMethods = false)
class QueryTextCheck implements WebMvcConfigurer, HandlerInterceptor {

    private static final Pattern CONTROL_IN_VALUE = Pattern.compile("(?:^|&)([^=&]*)=[^&]*?%(?:[01][0-9a-fA-F]|7[fF])");
    private static final Pattern CONTROL_ANYWHERE = Pattern.compile("%(?:[01][0-9a-fA-F]|7[fF])");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**").order(1);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String query = request.getQueryString();
        if (query != null && CONTROL_ANYWHERE.matcher(query).find()) {
            Matcher value = CONTROL_IN_VALUE.matcher(query);
            throw ApiProblem.invalid(value.find() ? value.group(1) : "query", "contains control characters");
        }
        return true;
    }
}
