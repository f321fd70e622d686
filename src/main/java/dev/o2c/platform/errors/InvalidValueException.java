package dev.o2c.platform.errors;

/** A value is of the wrong type, out of range or refers to something it may not; names the field it came in. */
public non-sealed class InvalidValueException extends DomainException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
