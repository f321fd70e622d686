package dev.o2c.bankstatements;

import dev.o2c.platform.errors.IllegalTransitionException;

/** bankstatements capability: the current state does not allow what was asked. */
public class IllegalBankStatementTransitionException extends IllegalTransitionException {

    public IllegalBankStatementTransitionException(String message) {
        super(message);
    }
}
