package dev.o2c.documents;

import dev.o2c.platform.errors.NotFoundException;

/** Documents capability: what was asked for does not exist. */
public class DocumentNotFoundException extends NotFoundException {

    public DocumentNotFoundException(String what, Object id) {
        super(what, id);
    }
}
