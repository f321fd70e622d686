package dev.o2c.ledger;

import dev.o2c.platform.errors.NotFoundException;

/** Ledger capability: what was asked for does not exist. */
public class LedgerNotFoundException extends NotFoundException {

    public LedgerNotFoundException(String what, Object id) {
        super(what, id);
    }
}
