package dev.o2c.platform.errors;

/**
 * A business rule said no: the request or the job asks for something the domain does not allow. Each capability
 * throws its own subclasses of the four kinds below; the web layer maps the kind to an HTTP status, the job workers'
 * failure handling raises an incident at once instead of retrying what cannot succeed.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, InvalidValueException, IllegalTransitionException, NotPermittedException {

    protected DomainException(String message) {
        super(message);
    }
}
