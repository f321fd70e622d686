package dev.o2c.tasks;

import dev.o2c.platform.errors.NotFoundException;

/** Task capability: what was asked for does not exist. */
public class TaskNotFoundException extends NotFoundException {

    public TaskNotFoundException(String what, Object id) {
        super(what, id);
    }
}
