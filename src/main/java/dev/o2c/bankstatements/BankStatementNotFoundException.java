package dev.o2c.bankstatements;

import dev.o2c.platform.errors.NotFoundException;

/** bankstatements capability: what was asked for does not exist. */
public class BankStatementNotFoundException extends NotFoundException {

    public BankStatementNotFoundException(String what, Object id) {
        super(what, id);
    }
}
