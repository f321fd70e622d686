package dev.o2c.modeling;

import dev.o2c.platform.errors.InvalidValueException;

/** modeling capability: a value that breaks one of its rules, with the field it came in. */
public class InvalidModelException extends InvalidValueException {

    public InvalidModelException(String field, String message) {
        super(field, message);
    }
}
