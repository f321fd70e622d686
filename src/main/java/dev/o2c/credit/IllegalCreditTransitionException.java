package dev.o2c.credit;

import dev.o2c.platform.errors.IllegalTransitionException;

/** credit capability: the current state does not allow what was asked. */
public class IllegalCreditTransitionException extends IllegalTransitionException {

    public IllegalCreditTransitionException(String message) {
        super(message);
    }
}
