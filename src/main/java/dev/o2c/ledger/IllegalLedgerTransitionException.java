package dev.o2c.ledger;

import dev.o2c.platform.errors.IllegalTransitionException;

/** Ledger capability: the current state does not allow what was asked. */
public class IllegalLedgerTransitionException extends IllegalTransitionException {

    public IllegalLedgerTransitionException(String message) {
        super(message);
    }
}
