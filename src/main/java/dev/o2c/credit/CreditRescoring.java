package dev.o2c.credit;

/**
 * Asks for a customer's credit score to be recomputed after something collections saw: an invoice found overdue, a
 * reminder sent, a promise to pay broken. The score follows once the caller's transaction has committed (nothing is scored on a change that was
 * rolled back), on the scoring thread, once per customer for everything that happened meanwhile; a failure is logged
 * and the nightly run scores the customer again.
 */
public interface CreditRescoring {

    /** At every dunning check of an overdue invoice; the score is recorded only when it or its facts changed. */
    void afterInvoiceOverdue(long customerId, String invoiceNumber);

    void afterReminder(long customerId, String invoiceNumber, int level);

    void afterBrokenPromise(long customerId, String invoiceNumber);
}
