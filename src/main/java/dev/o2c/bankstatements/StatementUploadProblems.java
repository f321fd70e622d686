package dev.o2c.bankstatements;

import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** A multipart upload over the limit is refused while it is parsed, before our controller: say so clearly. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // before the general ProblemHandler, whose multipart handler would match too
class StatementUploadProblems {

    private final StatementFileLimit limit;

    StatementUploadProblems(StatementFileLimit limit) {
        this.limit = limit;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        if (aboutHeaders(e)) {
            // the servlet container caps a part's headers (a very long file name), and reports it as a size problem
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    "the file name (the upload's part headers) is too long; rename the file and upload it again");
        }
        return problem(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "Upload too large",
                limit.tooLarge("file").getMessage());
    }

    private static boolean aboutHeaders(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().toLowerCase().contains("header")) {
                return true;
            }
        }
        return false;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String message) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, message);
        detail.setTitle(title);
        detail.setProperty("field", "file");
        detail.setProperty("errors", List.of(Map.of("field", "file", "message", message)));
        return detail;
    }
}
