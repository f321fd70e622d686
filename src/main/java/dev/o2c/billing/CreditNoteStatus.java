package dev.o2c.billing;

/**
 * A credit note is a legal document: once ISSUED it is never changed or deleted. A correction would be a new document
 * (an invoice), so ISSUED is the only state and there is no transition out of it.
 */
public enum CreditNoteStatus {
    ISSUED
}
