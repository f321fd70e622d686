package dev.o2c.collections;

import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.Groups;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The e-mails the application wrote, newest first: in embedded mode (no SMTP) this is where reminders go. */
@RestController
@RequestMapping("/api/outbox")
@Allowed({Groups.COLLECTORS, Groups.AR_CLERKS, Groups.OPERATORS})
class OutboxController {

    private final DunningService dunning;

    OutboxController(DunningService dunning) {
        this.dunning = dunning;
    }

    @GetMapping
    List<EmailView> recent() {
        return dunning.recentEmails().stream()
                .map(e -> new EmailView(
                        e.getId(),
                        e.getRecipient(),
                        e.getSubject(),
                        e.getBody(),
                        e.getStatus().name(),
                        e.getCreatedAt(),
                        e.getSentAt(),
                        e.getError(),
                        e.getAttempts(),
                        e.getNextAttemptAt(),
                        e.getMessageId(),
                        e.getAttachmentDocumentId() == null ? null : "/api/documents/" + e.getAttachmentDocumentId()))
                .toList();
    }

    record EmailView(
            long id,
            String recipient,
            String subject,
            String body,
            String status,
            Instant createdAt,
            Instant sentAt,
            String error,
            int attempts,
            Instant nextAttemptAt,
            String messageId,
            /** Where the attached letter is downloaded (AR clerks, collectors, operators). */
            String attachment) {}
}
