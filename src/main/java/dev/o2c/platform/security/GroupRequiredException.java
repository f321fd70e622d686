package dev.o2c.platform.security;

import java.util.List;
import org.springframework.security.access.AccessDeniedException;

/** 403 that says which groups may do this, and nothing about the request's content. */
public class GroupRequiredException extends AccessDeniedException {

    private final List<String> groups;

    GroupRequiredException(List<String> groups) {
        this(groups, "This needs one of the groups " + groups);
    }

    /** For a rule inside an endpoint some callers may use (a field only some groups may set). */
    public GroupRequiredException(List<String> groups, String message) {
        super(message);
        this.groups = List.copyOf(groups);
    }

    public List<String> groups() {
        return groups;
    }
}
