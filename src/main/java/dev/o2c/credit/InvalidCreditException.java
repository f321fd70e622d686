package dev.o2c.credit;

import dev.o2c.platform.errors.InvalidValueException;

/** credit capability: a value that breaks one of its rules, with the field it came in. */
public class InvalidCreditException extends InvalidValueException {

    public InvalidCreditException(String field, String message) {
        super(field, message);
    }
}
