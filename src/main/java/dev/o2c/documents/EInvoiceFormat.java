package dev.o2c.documents;

import java.util.Locale;

/** The e-invoice formats offered: Factur-X / ZUGFeRD (EN 16931) and UBL 2.1 in Peppol BIS Billing 3.0. */
public enum EInvoiceFormat {
    FACTURX,
    UBL;

    static EInvoiceFormat parse(String text) {
        return switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
            case "facturx", "factur-x", "zugferd" -> FACTURX;
            case "ubl" -> UBL;
            default -> throw new InvalidDocumentException("format", "must be facturx or ubl");
        };
    }
}
