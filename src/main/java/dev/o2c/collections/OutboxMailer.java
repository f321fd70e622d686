package dev.o2c.collections;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Sends pending outbox e-mails over SMTP. Only active when spring.mail.host is set. */
@Component
@ConditionalOnProperty(name = "spring.mail.host", matchIfMissing = false)
class OutboxMailer {

    private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);

    private final OutboxEmailRepository outbox;
    private final JavaMailSender mail;
    private final CollectionsProperties properties;
    private final Clock clock;

    OutboxMailer(OutboxEmailRepository outbox, JavaMailSender mail, CollectionsProperties properties, Clock clock) {
        this.outbox = outbox;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${o2c.collections.mail-interval:PT10S}")
    @Transactional
    public void sendPending() {
        for (OutboxEmail email : outbox.findTop50ByStatusOrderByIdAsc(OutboxEmail.Status.PENDING.name())) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(properties.sender());
            message.setTo(email.getRecipient());
            message.setSubject(email.getSubject());
            message.setText(email.getBody());
            try {
                mail.send(message);
                email.sent(clock.instant());
            } catch (MailException e) {
                log.warn("could not send e-mail {} to {}: {}", email.getId(), email.getRecipient(), e.getMessage());
                email.failed(e.getMessage());
            }
        }
    }
}
