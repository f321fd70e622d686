package dev.o2c.credit.scoring;

/** Why a score was computed: the kind of event and which one (a payment, an invoice, a user). */
public record ScoreTrigger(Kind kind, String detail) {

    public enum Kind {
        PAYMENT_POSTED,
        INVOICE_OVERDUE,
        REMINDER_SENT,
        PROMISE_BROKEN,
        BUREAU_REPORT,
        NIGHTLY,
        MANUAL
    }

    public static ScoreTrigger paymentPosted(long paymentId) {
        return new ScoreTrigger(Kind.PAYMENT_POSTED, "payment " + paymentId);
    }

    public static ScoreTrigger invoiceOverdue(String invoiceNumber) {
        return new ScoreTrigger(Kind.INVOICE_OVERDUE, "invoice " + invoiceNumber);
    }

    public static ScoreTrigger reminderSent(String invoiceNumber, int level) {
        return new ScoreTrigger(Kind.REMINDER_SENT, "reminder level " + level + " on invoice " + invoiceNumber);
    }

    public static ScoreTrigger promiseBroken(String invoiceNumber) {
        return new ScoreTrigger(Kind.PROMISE_BROKEN, "invoice " + invoiceNumber);
    }

    public static ScoreTrigger nightly() {
        return new ScoreTrigger(Kind.NIGHTLY, "nightly run");
    }

    public static ScoreTrigger manual(String user) {
        return new ScoreTrigger(Kind.MANUAL, "asked by " + user);
    }

    @Override
    public String toString() {
        return detail == null || detail.isBlank() ? kind.name() : kind + " (" + detail + ")";
    }
}
