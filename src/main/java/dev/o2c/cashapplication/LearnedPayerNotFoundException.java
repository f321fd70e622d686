package dev.o2c.cashapplication;

import dev.o2c.platform.errors.NotFoundException;

/** cashapplication capability: the learned payer asked for does not exist (or was removed already). */
public class LearnedPayerNotFoundException extends NotFoundException {

    public LearnedPayerNotFoundException(String what, Object id) {
        super(what, id);
    }
}
