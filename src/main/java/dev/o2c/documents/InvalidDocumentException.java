package dev.o2c.documents;

import dev.o2c.platform.errors.InvalidValueException;

/** Documents capability: a value that breaks one of its rules, with the field it came in. */
public class InvalidDocumentException extends InvalidValueException {

    public InvalidDocumentException(String field, String message) {
        super(field, message);
    }
}
