package dev.o2c.collections;

import dev.o2c.documents.CustomerDocuments;
import dev.o2c.documents.Document;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends pending outbox e-mails over SMTP, with their document attached. Only active when spring.mail.host is set.
 *
 * <p>No duplicates: each e-mail is claimed with {@code for update skip locked} (a second run at the same time skips
 * it), sent and marked SENT in its own transaction (so one e-mail's outcome is committed before the next is tried), a
 * sent e-mail is never picked again, and every attempt carries the row's one Message-ID. A failed attempt is retried after {@code o2c.collections.mail-retry-delay}, at most
 * {@code mail-max-attempts} times, then the e-mail is FAILED and shows so in the outbox.
 */
@Component
@ConditionalOnProperty(name = "spring.mail.host", matchIfMissing = false)
class OutboxMailer {

    private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);

    private final OutboxEmailRepository outbox;
    private final JavaMailSender mail;
    private final CustomerDocuments documents;
    private final CollectionsProperties properties;
    private final Clock clock;
    private final Duration retryDelay;
    private final int maxAttempts;
    private final TransactionTemplate transactions;
    private static final int BATCH = 50;

    OutboxMailer(
            OutboxEmailRepository outbox,
            JavaMailSender mail,
            CustomerDocuments documents,
            CollectionsProperties properties,
            Clock clock,
            @Value("${o2c.collections.mail-retry-delay:PT5M}") Duration retryDelay,
            @Value("${o2c.collections.mail-max-attempts:5}") int maxAttempts,
            PlatformTransactionManager transactionManager) {
        this.outbox = outbox;
        this.mail = mail;
        this.documents = documents;
        this.properties = properties;
        this.clock = clock;
        this.retryDelay = retryDelay;
        this.maxAttempts = maxAttempts;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${o2c.collections.mail-interval:PT10S}")
    public void sendPending() {
        Instant now = clock.instant();
        long after = 0;
        for (int sent = 0; sent < BATCH; sent++) {
            long from = after;
            Long id = transactions.execute(status -> sendNext(now, from));
            if (id == null) {
                return;
            }
            after = id;
        }
    }

    /** Claims, sends and marks the next due e-mail after {@code after}; its id, or null when none is due. */
    private Long sendNext(Instant now, long after) {
        return outbox.claimNextDue(now, after)
                .map(email -> {
                    try {
                        mail.send(message(email));
                        email.sent(clock.instant());
                    } catch (RuntimeException | MessagingException e) {
                        log.warn(
                                "could not send e-mail {} to {}: {}",
                                email.getId(),
                                email.getRecipient(),
                                e.getMessage());
                        email.attemptFailed(e.getMessage(), now, retryDelay, maxAttempts);
                    }
                    return email.getId();
                })
                .orElse(null);
    }

    private MimeMessage message(OutboxEmail email) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        boolean attachment = email.getAttachmentDocumentId() != null;
        MimeMessageHelper helper = new MimeMessageHelper(message, attachment, "UTF-8");
        helper.setFrom(properties.sender());
        helper.setTo(email.getRecipient());
        helper.setSubject(email.getSubject());
        helper.setText(email.getBody());
        if (attachment) {
            Document document = documents.get(email.getAttachmentDocumentId());
            helper.addAttachment(
                    document.getFileName(), new ByteArrayResource(document.getContent()), document.getMediaType());
        }
        // JavaMailSenderImpl keeps a Message-ID set before sending; the same one on every attempt
        message.setHeader("Message-ID", email.getMessageId());
        return message;
    }
}
