package dev.o2c.orders;

import dev.o2c.platform.errors.NotFoundException;

/** Order capability: what was asked for does not exist. */
public class OrderNotFoundException extends NotFoundException {

    public OrderNotFoundException(String what, Object id) {
        super(what, id);
    }
}
