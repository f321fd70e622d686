package dev.o2c.collections;

import dev.o2c.platform.text.Texts;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes an e-mail into the outbox inside the caller's transaction, once per dedup key: a redelivered job or a repeated
 * event finds it there and writes nothing. {@link OutboxMailer} sends it when SMTP is configured.
 */
@Component
public class Outbox {

    private final OutboxEmailRepository outbox;
    private final Clock clock;

    Outbox(OutboxEmailRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** True when the e-mail was written now, false when one with this key was there already. */
    @Transactional
    public boolean write(String recipient, String subject, String body, String dedupKey) {
        return write(recipient, subject, body, dedupKey, null);
    }

    /** The same, with a kept document attached (by id; the sender reads its bytes from the document table). */
    @Transactional
    public boolean write(String recipient, String subject, String body, String dedupKey, Long attachmentDocumentId) {
        if (outbox.findByDedupKey(dedupKey).isPresent()) {
            return false;
        }
        outbox.save(new OutboxEmail(
                recipient, Texts.fit(subject, 300), body, clock.instant(), dedupKey, attachmentDocumentId));
        return true;
    }
}
