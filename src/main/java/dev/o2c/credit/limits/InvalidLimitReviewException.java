package dev.o2c.credit.limits;

import dev.o2c.platform.errors.InvalidValueException;

/** limit reviews: a value that breaks one of their rules, with the field it came in. */
public class InvalidLimitReviewException extends InvalidValueException {

    public InvalidLimitReviewException(String field, String message) {
        super(field, message);
    }
}
