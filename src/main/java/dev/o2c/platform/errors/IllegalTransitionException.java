package dev.o2c.platform.errors;

/** The thing is not in a state that allows this (an illegal status change, a claim someone else holds, a duplicate). */
public non-sealed class IllegalTransitionException extends DomainException {

    public IllegalTransitionException(String message) {
        super(message);
    }
}
