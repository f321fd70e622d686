package dev.o2c.console;

import dev.o2c.platform.errors.IllegalTransitionException;

/** console capability: the current state does not allow what was asked. */
public class IllegalConsoleTransitionException extends IllegalTransitionException {

    public IllegalConsoleTransitionException(String message) {
        super(message);
    }
}
