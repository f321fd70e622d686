package dev.o2c.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks {@link Allowed} after the handler is chosen and before its arguments are resolved: the body is not parsed,
 * bound or validated for a caller who may not call the endpoint. An API handler without {@link Allowed} is refused
 * for everyone, so a forgotten rule fails closed.
 */
class AuthorizeFirst implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !request.getRequestURI().startsWith("/api/")) {
            return true;
        }
        if (!AccessRules.isOwn(method)) {
            // the library endpoint under /api (the OpenAPI document) is for any signed-in user
            if (CurrentUser.get() == CurrentUser.SYSTEM) {
                throw new AccessDeniedException("Not signed in");
            }
            return true;
        }
        List<String> allowed = AccessRules.groupsFor(method);
        if (allowed.isEmpty()) {
            throw new AccessDeniedException("No access rule for " + method.getShortLogMessage());
        }
        CurrentUser user = CurrentUser.get();
        if (user == CurrentUser.SYSTEM) {
            throw new AccessDeniedException("Not signed in");
        }
        if (allowed.contains(Allowed.ANY_USER) || user.inAnyGroup(allowed)) {
            return true;
        }
        throw new GroupRequiredException(allowed);
    }
}
