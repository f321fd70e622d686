package dev.o2c.console;

import dev.o2c.platform.errors.InvalidValueException;

/** console capability: a value that breaks one of its rules, with the field it came in. */
public class InvalidConsoleException extends InvalidValueException {

    public InvalidConsoleException(String field, String message) {
        super(field, message);
    }
}
