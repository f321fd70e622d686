package dev.o2c.receivables;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DashboardController {

  private final ReceivablesDashboard dashboard;

  DashboardController(ReceivablesDashboard dashboard) {
    this.dashboard = dashboard;
  }

  @GetMapping("/api/dashboard")
  @PreAuthorize("hasAnyAuthority('ar-clerks', 'collectors', 'credit-analysts', 'credit-managers', 'operators')")
  ReceivablesDashboard.Snapshot snapshot() {
    return dashboard.snapshot();
  }
}
