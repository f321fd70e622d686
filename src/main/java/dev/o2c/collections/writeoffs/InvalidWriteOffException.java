package dev.o2c.collections.writeoffs;

import dev.o2c.platform.errors.InvalidValueException;

/** Write-offs: a value that breaks a write-off rule (amount, currency, reason), with the field it came in. */
public class InvalidWriteOffException extends InvalidValueException {

    public InvalidWriteOffException(String field, String message) {
        super(field, message);
    }
}
