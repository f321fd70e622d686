package dev.o2c.customers;

import dev.o2c.platform.errors.InvalidValueException;

/** Customer capability: a value that breaks one of its rules, with the field it came in. */
public class InvalidCustomerException extends InvalidValueException {

    public InvalidCustomerException(String field, String message) {
        super(field, message);
    }
}
