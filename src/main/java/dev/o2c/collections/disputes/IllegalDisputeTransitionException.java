package dev.o2c.collections.disputes;

import dev.o2c.platform.errors.IllegalTransitionException;

/** Disputes: the dispute's status does not allow what was asked. */
public class IllegalDisputeTransitionException extends IllegalTransitionException {

    public IllegalDisputeTransitionException(String message) {
        super(message);
    }
}
