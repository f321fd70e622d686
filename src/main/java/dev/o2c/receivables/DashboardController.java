package dev.o2c.receivables;

import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.Groups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DashboardController {

    private final ReceivablesDashboard dashboard;

    DashboardController(ReceivablesDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/dashboard")
    @Allowed({Groups.AR_CLERKS, Groups.COLLECTORS, Groups.CREDIT_ANALYSTS, Groups.CREDIT_MANAGERS, Groups.OPERATORS})
    ReceivablesDashboard.Snapshot snapshot() {
        return dashboard.snapshot();
    }
}
