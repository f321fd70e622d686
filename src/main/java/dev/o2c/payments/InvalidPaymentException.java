package dev.o2c.payments;

import dev.o2c.platform.errors.InvalidValueException;

/** Payment capability: a value that breaks one of its rules, with the field it came in. */
public class InvalidPaymentException extends InvalidValueException {

    public InvalidPaymentException(String field, String message) {
        super(field, message);
    }
}
