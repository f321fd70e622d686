package dev.o2c.credit.limits;

import dev.o2c.platform.errors.IllegalTransitionException;

/** limit reviews: a step the review's current status does not allow (a second open review, a decision twice). */
public class IllegalLimitReviewTransitionException extends IllegalTransitionException {

    public IllegalLimitReviewTransitionException(String message) {
        super(message);
    }
}
