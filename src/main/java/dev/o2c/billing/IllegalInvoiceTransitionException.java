package dev.o2c.billing;

import dev.o2c.platform.errors.IllegalTransitionException;

/** Invoice capability: the current state does not allow what was asked. */
public class IllegalInvoiceTransitionException extends IllegalTransitionException {

    public IllegalInvoiceTransitionException(String message) {
        super(message);
    }
}
