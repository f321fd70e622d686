package dev.o2c.credit.limits;

import dev.o2c.platform.errors.NotFoundException;

/** limit reviews: the review asked for does not exist. */
public class LimitReviewNotFoundException extends NotFoundException {

    public LimitReviewNotFoundException(Object id) {
        super("limit review", id);
    }
}
