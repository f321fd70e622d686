package dev.o2c.collections;

import dev.o2c.platform.errors.NotPermittedException;

/** Collection capability: this person may not do this here (a collector assigning a case to someone else). */
public class CollectionNotPermittedException extends NotPermittedException {

    public CollectionNotPermittedException(String message) {
        super(message);
    }
}
