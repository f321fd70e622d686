package dev.o2c.platform.security;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the workspace is talking to: it shows only what these groups may see (the API enforces it anyway). */
@RestController
class MeController {

    private final UserProperties users;

    MeController(UserProperties users) {
        this.users = users;
    }

    @GetMapping("/api/me")
    @Allowed(Allowed.ANY_USER)
    Me me() {
        CurrentUser user = CurrentUser.get();
        UserProperties.User configured = users.getUsers().get(user.name());
        String displayName =
                configured == null || configured.getDisplayName() == null ? user.name() : configured.getDisplayName();
        return new Me(user.name(), displayName, user.groups().stream().sorted().toList());
    }

    record Me(String username, String displayName, List<String> groups) {}
}
