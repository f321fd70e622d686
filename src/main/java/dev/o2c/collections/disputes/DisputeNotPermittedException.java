package dev.o2c.collections.disputes;

import dev.o2c.platform.errors.NotPermittedException;

/** Disputes: this person may not see this dispute (the warehouse sees only the disputes routed to it). */
public class DisputeNotPermittedException extends NotPermittedException {

    public DisputeNotPermittedException(String message) {
        super(message);
    }
}
