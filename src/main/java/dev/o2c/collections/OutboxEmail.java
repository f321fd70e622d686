package dev.o2c.collections;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An e-mail waiting to go out. Written in the same transaction as the business change that causes it, then sent by
 * {@link OutboxMailer} when SMTP is configured; without SMTP (embedded mode) it stays here to be read.
 */
@Entity
@Table(name = "email_outbox")
public class OutboxEmail {

    public enum Status {
        PENDING,
        SENT,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String recipient;
    private String subject;
    private String body;
    private Instant createdAt;
    private Instant sentAt;
    private String status;
    private String error;
    private String dedupKey;
    private Long attachmentDocumentId;
    private String messageId;
    private int attempts;
    private Instant nextAttemptAt;

    protected OutboxEmail() {}

    OutboxEmail(String recipient, String subject, String body, Instant createdAt, String dedupKey) {
        this(recipient, subject, body, createdAt, dedupKey, null);
    }

    /**
     * An e-mail with a kept document attached (by id: the bytes stay in the document table). Its Message-ID is fixed
     * here, once, so every attempt to send it carries the same one and a receiver can tell a repeat.
     */
    OutboxEmail(
            String recipient,
            String subject,
            String body,
            Instant createdAt,
            String dedupKey,
            Long attachmentDocumentId) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.createdAt = createdAt;
        this.dedupKey = dedupKey;
        this.attachmentDocumentId = attachmentDocumentId;
        this.messageId = "<" + UUID.randomUUID() + "@o2c.outbox>";
        this.status = Status.PENDING.name();
    }

    /** PENDING -> SENT. A sent e-mail is never sent again. */
    void sent(Instant at) {
        if (getStatus() != Status.PENDING) {
            throw new IllegalStateException("outbox e-mail " + id + " is " + status + ", not PENDING");
        }
        status = Status.SENT.name();
        sentAt = at;
        attempts++;
        error = null;
        nextAttemptAt = null;
    }

    /**
     * A failed attempt: PENDING again with the next attempt after {@code retryDelay}, or FAILED for good once
     * {@code maxAttempts} are used up.
     */
    void attemptFailed(String message, Instant now, Duration retryDelay, int maxAttempts) {
        if (getStatus() != Status.PENDING) {
            throw new IllegalStateException("outbox e-mail " + id + " is " + status + ", not PENDING");
        }
        attempts++;
        error = message == null ? "unknown error" : message.substring(0, Math.min(message.length(), 1000));
        if (attempts >= maxAttempts) {
            status = Status.FAILED.name();
            nextAttemptAt = null;
        } else {
            nextAttemptAt = now.plus(retryDelay);
        }
    }

    public Long getAttachmentDocumentId() {
        return attachmentDocumentId;
    }

    public String getMessageId() {
        return messageId;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Status getStatus() {
        return Status.valueOf(status);
    }

    public String getError() {
        return error;
    }
}
