package dev.o2c.credit.bureau;

/**
 * The bureau could not be asked or its answer cannot be trusted. Not a domain refusal and never the user's fault: the
 * credit check takes its modelled fallback path, the API answers with a problem naming what happened.
 */
public class CreditBureauException extends RuntimeException {

    /** What went wrong, for the audit trail and the process variable {@code bureauUnavailableReason}. */
    public enum Kind {
        TIMEOUT,
        UNREACHABLE,
        REFUSED,
        SERVER_ERROR,
        MALFORMED,
        TOO_LARGE,
        NOT_CONFIGURED
    }

    private final Kind kind;

    public CreditBureauException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public CreditBureauException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
