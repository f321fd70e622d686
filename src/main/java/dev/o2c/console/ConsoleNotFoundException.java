package dev.o2c.console;

import dev.o2c.platform.errors.NotFoundException;

/** console capability: what was asked for does not exist. */
public class ConsoleNotFoundException extends NotFoundException {

    public ConsoleNotFoundException(String what, Object id) {
        super(what, id);
    }
}
