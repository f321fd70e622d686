package dev.o2c.documents;

import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.Groups;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Downloads of the documents customers receive; the first download of an invoice document generates and keeps it. */
@RestController
@Allowed({Groups.AR_CLERKS, Groups.COLLECTORS, Groups.CREDIT_ANALYSTS, Groups.CREDIT_MANAGERS, Groups.OPERATORS})
class DocumentController {

    private final CustomerDocuments documents;

    DocumentController(CustomerDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/api/invoices/{id}/pdf")
    ResponseEntity<byte[]> invoicePdf(@PathVariable long id) {
        return download(documents.invoicePdf(id));
    }

    @GetMapping("/api/invoices/{id}/e-invoice")
    ResponseEntity<byte[]> eInvoice(@PathVariable long id, @RequestParam(defaultValue = "facturx") String format) {
        return download(documents.eInvoice(id, EInvoiceFormat.parse(format)));
    }

    /** A credit note as PDF, in the customer's language. */
    @GetMapping("/api/credit-notes/{id}/pdf")
    ResponseEntity<byte[]> creditNotePdf(@PathVariable long id) {
        return download(documents.creditNotePdf(id));
    }

    /** The reminder (level 1, 2) or final notice (level 3) that was sent for the invoice. */
    @GetMapping("/api/invoices/{id}/letters/{level}/pdf")
    ResponseEntity<byte[]> letter(@PathVariable long id, @PathVariable int level) {
        if (level < 1 || level > 3) {
            throw new InvalidDocumentException("level", "must be 1, 2 or 3");
        }
        return download(documents.sentLetter(id, level));
    }

    /** The customer's account statement on {@code asOf} (YYYY-MM-DD, default today), in the customer's language. */
    @GetMapping("/api/customers/{id}/statement/pdf")
    ResponseEntity<byte[]> accountStatement(@PathVariable long id, @RequestParam(required = false) String asOf) {
        return download(documents.accountStatementPdf(id, date("asOf", asOf)));
    }

    @GetMapping("/api/invoices/{id}/documents")
    List<DocumentView> ofInvoice(@PathVariable long id) {
        return documents.aboutInvoice(id).stream().map(DocumentView::of).toList();
    }

    @GetMapping("/api/documents/{id}")
    ResponseEntity<byte[]> document(@PathVariable long id) {
        return download(documents.get(id));
    }

    /** A date parameter: null when absent, a 400 naming the parameter when it is no ISO date. */
    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidDocumentException(field, "must be a date as YYYY-MM-DD");
        }
    }

    private static ResponseEntity<byte[]> download(Document document) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.getMediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(document.getFileName())
                                .build()
                                .toString())
                .header(HttpHeaders.ETAG, "\"" + document.getSha256() + "\"")
                .body(document.getContent());
    }

    record DocumentView(
            long id,
            String kind,
            String reference,
            String language,
            String mediaType,
            String fileName,
            String sha256,
            Instant createdAt,
            String href) {

        static DocumentView of(Document d) {
            return new DocumentView(
                    d.getId(),
                    d.getKind().name(),
                    d.getReference(),
                    d.getLanguage(),
                    d.getMediaType(),
                    d.getFileName(),
                    d.getSha256(),
                    d.getCreatedAt(),
                    "/api/documents/" + d.getId());
        }
    }
}
