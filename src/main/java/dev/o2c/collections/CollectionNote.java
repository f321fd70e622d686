package dev.o2c.collections;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** What a collector noted on a customer's collection case (a call, an answer); plain text, never markup. */
@Entity
public class CollectionNote {

    /** The column's length: a longer note is refused, never cut. */
    public static final int MAX_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long customerId;
    private String author;
    private String text;
    private Instant createdAt;

    protected CollectionNote() {}

    CollectionNote(long customerId, String author, String text, Instant createdAt) {
        this.customerId = customerId;
        this.author = author;
        this.text = text;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getAuthor() {
        return author;
    }

    public String getText() {
        return text;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
