package dev.o2c.payments;

import dev.o2c.platform.errors.NotFoundException;

/** Payment capability: what was asked for does not exist. */
public class PaymentNotFoundException extends NotFoundException {

    public PaymentNotFoundException(String what, Object id) {
        super(what, id);
    }
}
