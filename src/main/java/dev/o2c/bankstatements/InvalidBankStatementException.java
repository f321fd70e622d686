package dev.o2c.bankstatements;

import dev.o2c.platform.errors.InvalidValueException;

/** bankstatements capability: a value that breaks one of its rules, with the field it came in. */
public class InvalidBankStatementException extends InvalidValueException {

    public InvalidBankStatementException(String field, String message) {
        super(field, message);
    }
}
