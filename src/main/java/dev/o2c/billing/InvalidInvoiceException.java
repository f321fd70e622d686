package dev.o2c.billing;

import dev.o2c.platform.errors.InvalidValueException;

/** Billing capability: a value sent for an invoice or credit note makes no sense; names the field. */
public class InvalidInvoiceException extends InvalidValueException {

    public InvalidInvoiceException(String field, String message) {
        super(field, message);
    }
}
