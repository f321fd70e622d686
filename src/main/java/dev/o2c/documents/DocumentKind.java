package dev.o2c.documents;

/** What a document is; with its reference it identifies the document (one per kind and reference). */
public enum DocumentKind {
    INVOICE("application/pdf"),
    REMINDER("application/pdf"),
    FINAL_NOTICE("application/pdf"),
    /** A credit note against an invoice (reference: invoice number / credit note number). */
    CREDIT_NOTE("application/pdf"),
    /** A customer's account statement on one day (reference: customer-{id}/{as-of date}). */
    ACCOUNT_STATEMENT("application/pdf"),
    /** Factur-X / ZUGFeRD 2, profile EN 16931: PDF/A-3 with the CII XML embedded. */
    FACTURX("application/pdf"),
    /** UBL 2.1 invoice in the Peppol BIS Billing 3.0 customization. */
    UBL("application/xml");

    private final String mediaType;

    DocumentKind(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
