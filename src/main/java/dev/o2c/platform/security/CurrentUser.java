package dev.o2c.platform.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting: the signed-in user, or "system" for work done by the engine's workers. */
public record CurrentUser(String name, Set<String> groups) {

    public static final CurrentUser SYSTEM = new CurrentUser("system", Set.of());

    public static CurrentUser get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
            return SYSTEM;
        }
        return new CurrentUser(
                auth.getName(),
                auth.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .collect(Collectors.toUnmodifiableSet()));
    }

    public boolean inAnyGroup(java.util.Collection<String> candidates) {
        return candidates.stream().anyMatch(groups::contains);
    }
}
