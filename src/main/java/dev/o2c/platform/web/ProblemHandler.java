package dev.o2c.platform.web;

import dev.o2c.platform.errors.DomainException;
import dev.o2c.platform.errors.IllegalTransitionException;
import dev.o2c.platform.errors.InvalidValueException;
import dev.o2c.platform.errors.NotFoundException;
import dev.o2c.platform.errors.NotPermittedException;
import dev.o2c.platform.security.GroupRequiredException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;

/** Every error leaves the API as application/problem+json; input errors name the offending field. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ProblemHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ProblemDetail apiProblem(ApiProblem problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        if (problem.field() != null) {
            detail.setProperty("field", problem.field());
            detail.setProperty("errors", List.of(Map.of("field", problem.field(), "message", problem.getMessage())));
        }
        return detail;
    }

    /** The capabilities' own refusals, by kind; only here do they become HTTP. */
    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException problem) {
        HttpStatus status =
                switch (problem) {
                    case NotFoundException e -> HttpStatus.NOT_FOUND;
                    case InvalidValueException e -> HttpStatus.BAD_REQUEST;
                    case IllegalTransitionException e -> HttpStatus.CONFLICT;
                    case NotPermittedException e -> HttpStatus.FORBIDDEN;
                };
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, problem.getMessage());
        if (problem instanceof InvalidValueException invalid && invalid.field() != null) {
            detail.setProperty("field", invalid.field());
            detail.setProperty("errors", List.of(Map.of("field", invalid.field(), "message", problem.getMessage())));
        }
        return detail;
    }

    /** 403 before anything of the request was read: names the groups that may, nothing about the input. */
    @ExceptionHandler(GroupRequiredException.class)
    ProblemDetail groupRequired(GroupRequiredException e) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        detail.setProperty("requiredGroups", e.groups());
        return detail;
    }

    /** A body sent as multipart that is not (resolved lazily, so only after the access check). */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail notMultipart(MultipartException e) {
        return invalid(List.of(Map.of("field", "file", "message", "the request is not a readable multipart upload")));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandler::describe)
                .toList();
        return invalid(errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameter(HandlerMethodValidationException e) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> Map.of(
                                "field",
                                        String.valueOf(
                                                result.getMethodParameter().getParameterName()),
                                "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        return invalid(errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(List.of(Map.of("field", e.getName(), "message", "is not a valid value: " + e.getValue())));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String field = JsonFieldPath.of(e);
        String message = field == null
                ? "the request body is not valid JSON"
                : e.getCause() instanceof StrictJsonInput.ControlCharacters
                        ? "contains control characters"
                        : "has a value of the wrong type";
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, field == null ? message : field + " " + message);
        if (field != null) {
            detail.setProperty("field", field);
            detail.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        }
        return detail;
    }

    /**
     * Whatever no handler above expects. Spring's own web errors keep their status (405, 415, 404...); access errors go
     * on to Spring Security; anything else is a 500 as problem+json with a reference to the logged stack trace, never
     * the container's default error page.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        if (e instanceof ErrorResponse known) {
            return ResponseEntity.status(known.getStatusCode())
                    .headers(known.getHeaders())
                    .body(known.getBody());
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("Unexpected error, reference {}", reference, e);
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; the error is logged under reference " + reference);
        detail.setProperty("reference", reference);
        return ResponseEntity.internalServerError().body(detail);
    }

    private static ProblemDetail invalid(List<Map<String, String>> errors) {
        String summary = errors.stream()
                .map(e -> e.get("field") + ": " + e.get("message"))
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(400), summary);
        detail.setTitle("Invalid request");
        detail.setType(URI.create("about:blank"));
        if (!errors.isEmpty()) {
            detail.setProperty("field", errors.getFirst().get("field"));
        }
        detail.setProperty("errors", errors);
        return detail;
    }

    private static Map<String, String> describe(FieldError error) {
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }
}
