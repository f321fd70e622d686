package dev.o2c.collections;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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

    protected OutboxEmail() {}

    OutboxEmail(String recipient, String subject, String body, Instant createdAt, String dedupKey) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.createdAt = createdAt;
        this.dedupKey = dedupKey;
        this.status = Status.PENDING.name();
    }

    void sent(Instant at) {
        status = Status.SENT.name();
        sentAt = at;
        error = null;
    }

    void failed(String message) {
        status = Status.FAILED.name();
        error = message == null ? "unknown error" : message.substring(0, Math.min(message.length(), 1000));
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
