package dev.o2c.tasks;

import dev.o2c.platform.errors.IllegalTransitionException;

/** Task capability: the current state does not allow what was asked. */
public class IllegalTaskTransitionException extends IllegalTransitionException {

    public IllegalTaskTransitionException(String message) {
        super(message);
    }
}
