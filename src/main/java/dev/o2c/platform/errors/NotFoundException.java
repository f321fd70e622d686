package dev.o2c.platform.errors;

/** What a request or job refers to does not exist. */
public non-sealed class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
