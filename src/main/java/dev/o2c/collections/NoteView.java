package dev.o2c.collections;

import java.time.Instant;

/** A call note; {@code text} is the note as typed: show it as text, never as markup. */
public record NoteView(long id, long customerId, String author, String text, Instant createdAt) {

    public static NoteView of(CollectionNote n) {
        return new NoteView(n.getId(), n.getCustomerId(), n.getAuthor(), n.getText(), n.getCreatedAt());
    }
}
