package dev.o2c.collections;

import dev.o2c.platform.errors.IllegalTransitionException;

/** Collection capability: a change the case's state does not allow (a claim another collector holds, a settled promise). */
public class IllegalCollectionTransitionException extends IllegalTransitionException {

    public IllegalCollectionTransitionException(String message) {
        super(message);
    }
}
