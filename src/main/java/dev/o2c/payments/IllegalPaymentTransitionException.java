package dev.o2c.payments;

import dev.o2c.platform.errors.IllegalTransitionException;

/** Payment capability: the current state does not allow what was asked. */
public class IllegalPaymentTransitionException extends IllegalTransitionException {

    public IllegalPaymentTransitionException(String message) {
        super(message);
    }
}
