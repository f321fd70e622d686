package dev.o2c.collections.writeoffs;

import dev.o2c.platform.errors.IllegalTransitionException;

/** Write-offs: a step the write-off's status does not allow (a second open write-off, a decision twice). */
public class IllegalWriteOffTransitionException extends IllegalTransitionException {

    public IllegalWriteOffTransitionException(String message) {
        super(message);
    }
}
