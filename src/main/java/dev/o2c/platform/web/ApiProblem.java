package dev.o2c.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A business rule said no. Carries the HTTP status and, for bad input, the field that is wrong so the client can
 * show the message next to it.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    protected ApiProblem(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, field, message);
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, null, what + " " + id + " does not exist");
    }

    public static ApiProblem conflict(String message) {
        return new ApiProblem(HttpStatus.CONFLICT, null, message);
    }

    public static ApiProblem forbidden(String message) {
        return new ApiProblem(HttpStatus.FORBIDDEN, null, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }
}
