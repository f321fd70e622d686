package dev.o2c.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page, for what fails before any controller runs (a path the firewall refuses, such as one
 * with an empty segment): answered as problem+json like every other error, in place of Spring Boot's default body.
 * It says what kind of error it was and for which path, never the exception's text.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = statusOf(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detailFor(status));
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            problem.setInstance(URI.create(path.replace(" ", "%20")));
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static HttpStatus statusOf(Object code) {
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String detailFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST ->
                "The request was refused before it was read: check its path (no empty segments, no"
                        + " encoded slashes or dots) and its characters";
            case NOT_FOUND -> "Nothing is served at this path";
            case UNAUTHORIZED -> "Sign in first";
            case FORBIDDEN -> "Your groups do not allow this";
            default ->
                status.is5xxServerError()
                        ? "Something went wrong on our side; the error is logged"
                        : status.getReasonPhrase();
        };
    }
}
