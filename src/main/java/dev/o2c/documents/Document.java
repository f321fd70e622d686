package dev.o2c.documents;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * A document the customer receives, kept with its record: generated once per (kind, reference) and never changed, so
 * what was sent can be shown again byte for byte; the SHA-256 proves it.
 */
@Entity
public class Document {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private DocumentKind kind;

    private String reference;
    private String language;
    private String mediaType;
    private String fileName;
    private byte[] content;
    private String sha256;
    private Instant createdAt;

    protected Document() {}

    public Long getId() {
        return id;
    }

    public DocumentKind getKind() {
        return kind;
    }

    /** What the document is about, e.g. the invoice number, or invoice number and reminder level. */
    public String getReference() {
        return reference;
    }

    public String getLanguage() {
        return language;
    }

    public String getMediaType() {
        return mediaType;
    }

    public String getFileName() {
        return fileName;
    }

    public byte[] getContent() {
        return content.clone();
    }

    public String getSha256() {
        return sha256;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
