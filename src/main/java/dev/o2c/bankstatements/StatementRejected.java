package dev.o2c.bankstatements;

/** The file is not a statement we can import; the message says what is wrong and where. */
public class StatementRejected extends RuntimeException {

    public StatementRejected(String message) {
        super(message);
    }
}
