package dev.o2c.collections;

import dev.o2c.platform.errors.InvalidValueException;

/** Collection capability: a value that breaks one of its rules, with the field it came in. */
public class InvalidCollectionException extends InvalidValueException {

    public InvalidCollectionException(String field, String message) {
        super(field, message);
    }
}
