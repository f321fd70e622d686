package dev.o2c.customers;

import dev.o2c.platform.errors.NotFoundException;

/** Customer capability: what was asked for does not exist. */
public class CustomerNotFoundException extends NotFoundException {

    public CustomerNotFoundException(String what, Object id) {
        super(what, id);
    }
}
