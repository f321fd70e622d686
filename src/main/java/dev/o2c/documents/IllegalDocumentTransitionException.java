package dev.o2c.documents;

import dev.o2c.platform.errors.IllegalTransitionException;

/**
 * Documents capability: the record is not in a state the document can be made from, e.g. an e-invoice for a customer
 * without the country EN 16931 requires. Fix the record, then ask again.
 */
public class IllegalDocumentTransitionException extends IllegalTransitionException {

    public IllegalDocumentTransitionException(String message) {
        super(message);
    }
}
