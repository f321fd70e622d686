package dev.o2c.orders;

import dev.o2c.platform.errors.IllegalTransitionException;

/** Order capability: the current state does not allow what was asked. */
public class IllegalOrderTransitionException extends IllegalTransitionException {

    public IllegalOrderTransitionException(String message) {
        super(message);
    }
}
