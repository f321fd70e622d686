package dev.o2c.credit;

import dev.o2c.platform.errors.NotFoundException;

/** credit capability: what was asked for does not exist. */
public class CreditNotFoundException extends NotFoundException {

    public CreditNotFoundException(String what, Object id) {
        super(what, id);
    }
}
