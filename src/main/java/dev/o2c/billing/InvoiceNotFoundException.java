package dev.o2c.billing;

import dev.o2c.platform.errors.NotFoundException;

/** Invoice capability: what was asked for does not exist. */
public class InvoiceNotFoundException extends NotFoundException {

    public InvoiceNotFoundException(String what, Object id) {
        super(what, id);
    }
}
