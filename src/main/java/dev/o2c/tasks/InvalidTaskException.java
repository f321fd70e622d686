package dev.o2c.tasks;

import dev.o2c.platform.errors.InvalidValueException;

/** Task capability: a value that breaks one of its rules, with the field it came in. */
public class InvalidTaskException extends InvalidValueException {

    public InvalidTaskException(String field, String message) {
        super(field, message);
    }
}
