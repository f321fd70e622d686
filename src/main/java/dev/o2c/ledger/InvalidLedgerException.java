package dev.o2c.ledger;

import dev.o2c.platform.errors.InvalidValueException;

/** Ledger capability: a value that breaks one of its rules, with the field it came in. */
public class InvalidLedgerException extends InvalidValueException {

    public InvalidLedgerException(String field, String message) {
        super(field, message);
    }
}
