package dev.o2c.platform.errors;

/** A business rule forbids this person this action (four eyes, approval authority), whatever their groups. */
public non-sealed class NotPermittedException extends DomainException {

    public NotPermittedException(String message) {
        super(message);
    }
}
