package dev.o2c.collections;

import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The e-mails the application wrote, newest first: in embedded mode (no SMTP) this is where reminders go. */
@RestController
@RequestMapping("/api/outbox")
@PreAuthorize("hasAnyAuthority('collectors', 'ar-clerks', 'operators')")
class OutboxController {

  private final DunningService dunning;

  OutboxController(DunningService dunning) {
    this.dunning = dunning;
  }

  @GetMapping
  List<EmailView> recent() {
    return dunning.recentEmails().stream().map(e -> new EmailView(e.getId(), e.getRecipient(), e.getSubject(),
        e.getBody(), e.getStatus().name(), e.getCreatedAt(), e.getSentAt(), e.getError())).toList();
  }

  record EmailView(long id, String recipient, String subject, String body, String status, Instant createdAt,
      Instant sentAt, String error) {}
}
