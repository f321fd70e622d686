package dev.o2c.collections.disputes;

import dev.o2c.platform.errors.InvalidValueException;

/** Disputes: a value makes no sense for the dispute or its invoice; names the field. */
public class InvalidDisputeException extends InvalidValueException {

    public InvalidDisputeException(String field, String message) {
        super(field, message);
    }
}
