package dev.o2c.orders;

import dev.o2c.platform.errors.InvalidValueException;

/** Order capability: a value that breaks one of its rules, with the field it came in. */
public class InvalidOrderException extends InvalidValueException {

    public InvalidOrderException(String field, String message) {
        super(field, message);
    }
}
