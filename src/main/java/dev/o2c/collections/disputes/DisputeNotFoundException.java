package dev.o2c.collections.disputes;

import dev.o2c.platform.errors.NotFoundException;

/** Disputes: what was asked for does not exist. */
public class DisputeNotFoundException extends NotFoundException {

    public DisputeNotFoundException(Object id) {
        super("dispute", id);
    }
}
