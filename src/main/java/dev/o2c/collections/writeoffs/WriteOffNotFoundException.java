package dev.o2c.collections.writeoffs;

import dev.o2c.platform.errors.NotFoundException;

/** Write-offs: the write-off asked for does not exist. */
public class WriteOffNotFoundException extends NotFoundException {

    public WriteOffNotFoundException(Object id) {
        super("write-off", id);
    }
}
