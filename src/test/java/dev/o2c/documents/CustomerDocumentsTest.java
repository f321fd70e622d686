package dev.o2c.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o2c.billing.CreditNote;
import dev.o2c.billing.CreditNotes;
import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import dev.o2c.customers.PostalAddress;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Invoice PDFs and letters from the template of the customer's language, kept once, downloadable by AR staff. */
@IntegrationTest
class CustomerDocumentsTest {

    @Autowired
    DocumentFixture fixture;

    @Autowired
    CustomerDocuments documents;

    @Autowired
    CreditNotes creditNotes;

    @Autowired
    TestRestTemplate http;

    @Autowired
    Api api;

    @Test
    void theInvoicePdfSaysWhatTheInvoiceSaysInEnglish() {
        Customer customer =
                fixture.customer("Acme Ltd", "en", new PostalAddress("1 High Street", "SW1A 1AA", "London", "GB"));
        Invoice invoice = fixture.invoice(customer);

        Document pdf = documents.invoicePdf(invoice.getId());

        assertThat(pdf.getKind()).isEqualTo(DocumentKind.INVOICE);
        assertThat(pdf.getLanguage()).isEqualTo("en");
        assertThat(pdf.getSha256()).isEqualTo(CustomerDocuments.sha256(pdf.getContent()));
        String text = DocumentFixture.text(pdf.getContent());
        assertThat(text)
                .contains("Invoice " + invoice.getNumber(), "Acme Ltd", "1 High Street", "SW1A 1AA London")
                .contains("United Kingdom", "Widget, large", "Bolts (box of 100)")
                .contains("451.70 EUR", "VAT 19 %", "85.82 EUR", "537.52 EUR")
                .contains("DE89370400440532013000", invoice.getCreditorReference(), "O2C Example GmbH");
    }

    @Test
    void aGermanCustomerGetsTheGermanTemplate() {
        Customer customer = fixture.customer("Müller & Söhne GmbH", "de", DocumentFixture.address());
        Invoice invoice = fixture.invoice(customer);

        String text = DocumentFixture.text(documents.invoicePdf(invoice.getId()).getContent());
        assertThat(text)
                .contains("Rechnung " + invoice.getNumber(), "Müller & Söhne GmbH", "80331 München", "Deutschland")
                .contains("Nettobetrag", "451,70 EUR", "USt. 19 %", "85,82 EUR", "Gesamtbetrag", "537,52 EUR")
                .doesNotContain("Invoice");

        Letter letter = documents.reminderLetter(new ReminderLetterRequest(
                invoice.getId(),
                3,
                new BigDecimal("40.00"),
                new BigDecimal("6.39"),
                new BigDecimal("583.91"),
                29,
                new BigDecimal("10.15"),
                29));
        assertThat(letter.document().getKind()).isEqualTo(DocumentKind.FINAL_NOTICE);
        assertThat(letter.document().getLanguage()).isEqualTo("de");
        assertThat(letter.mailSubject()).isEqualTo("Letzte Mahnung: Rechnung " + invoice.getNumber());
        assertThat(DocumentFixture.text(letter.document().getContent()))
                .contains("Letzte Mahnung", "seit 29 Tagen", "Verzugspauschale", "40,00 EUR")
                .contains("Verzugszinsen (10,15 % p. a., 29 Tage)", "6,39 EUR", "583,91 EUR")
                .contains("Dies ist unsere letzte Mahnung");
        assertThat(letter.mailBody())
                .contains(
                        "Darin enthalten sind Verzugskosten: Verzugspauschale 40,00 EUR, Verzugszinsen (10,15 % p. a.,"
                                + " 29 Tage) 6,39 EUR.");
    }

    @Test
    void aCreditNoteIsWrittenInTheCustomersLanguageKeptOnceAndListedWithItsInvoice() {
        Customer german = fixture.customer("Müller & Söhne GmbH", "de", DocumentFixture.address());
        Invoice invoice = fixture.invoice(german); // 537.52
        CreditNote note = creditNotes
                .issue(
                        new CreditNotes.NewCreditNote(
                                invoice.getId(),
                                new BigDecimal("119.00"),
                                "Ein Widget beschädigt",
                                "doc-" + invoice.getId()),
                        "clerk")
                .creditNote();

        Document pdf = documents.creditNotePdf(note.getId());

        assertThat(pdf.getKind()).isEqualTo(DocumentKind.CREDIT_NOTE);
        assertThat(pdf.getLanguage()).isEqualTo("de");
        assertThat(pdf.getFileName()).isEqualTo(note.getNumber() + ".pdf");
        assertThat(DocumentFixture.text(pdf.getContent()))
                .contains("Gutschrift " + note.getNumber(), "Zur Rechnung", invoice.getNumber(), "Müller & Söhne GmbH")
                .contains("Nettobetrag", "100,00 EUR", "USt. 19 %", "19,00 EUR", "Gutschriftsbetrag", "119,00 EUR")
                .contains("Grund: Ein Widget beschädigt", "mit der Rechnung " + invoice.getNumber() + " verrechnet");
        assertThat(documents.creditNotePdf(note.getId()).getSha256()).isEqualTo(pdf.getSha256());
        assertThat(documents.aboutInvoice(invoice.getId()))
                .extracting(Document::getKind)
                .contains(DocumentKind.CREDIT_NOTE);
        ResponseEntity<byte[]> download = http.withBasicAuth("clerk", "clerk")
                .getForEntity("/api/credit-notes/" + note.getId() + "/pdf", byte[].class);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getBody()).isEqualTo(pdf.getContent());
        assertThat(http.withBasicAuth("sales", "sales")
                        .getForEntity("/api/credit-notes/" + note.getId() + "/pdf", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);

        Customer english = fixture.customer("Acme Ltd", "en", DocumentFixture.address());
        Invoice other = fixture.invoice(english);
        CreditNote full = creditNotes
                .issue(
                        new CreditNotes.NewCreditNote(
                                other.getId(), other.getTotalAmount(), "Order cancelled", "doc-" + other.getId()),
                        "clerk")
                .creditNote();
        assertThat(DocumentFixture.text(documents.creditNotePdf(full.getId()).getContent()))
                .contains("Credit note " + full.getNumber(), "451.70 EUR", "85.82 EUR", "537.52 EUR")
                .contains("Reason: Order cancelled");
    }

    @Test
    void aLanguageWithoutItsOwnTemplateIsWrittenToInEnglish() {
        Customer customer = fixture.customer("Dupont SA", "fr", new PostalAddress(null, null, "Paris", "FR"));
        Invoice invoice = fixture.invoice(customer);

        Letter letter = documents.reminderLetter(new ReminderLetterRequest(
                invoice.getId(), 1, BigDecimal.ZERO, BigDecimal.ZERO, invoice.getOpenAmount(), 3));
        assertThat(letter.document().getLanguage()).isEqualTo("en");
        assertThat(DocumentFixture.text(letter.document().getContent()))
                .contains("Payment reminder", "Dear Dupont SA,", "3 days overdue", "537.52 EUR")
                .doesNotContain("Recovery costs", "interest", "final notice");
    }

    @Test
    void outsideTextIsDrawnAsTextNotInterpreted() {
        String hostile = "Evil {0} <b>Corp</b> ') /JavaScript (app.alert(1)) \u202E\n\tLtd";
        Customer customer = fixture.customer(hostile, "en", DocumentFixture.address());
        Invoice invoice = fixture.invoice(customer);

        Document pdf = documents.invoicePdf(invoice.getId());
        String text = DocumentFixture.text(pdf.getContent());
        assertThat(text).contains("Evil {0} <b>Corp</b> ') /JavaScript (app.alert(1))");
        assertThat(new String(pdf.getContent(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("/JavaScript (app");
        Letter letter = documents.reminderLetter(new ReminderLetterRequest(
                invoice.getId(), 1, BigDecimal.ZERO, BigDecimal.ZERO, invoice.getOpenAmount(), 3));
        // the placeholder in the name stays as written: arguments are never read as patterns
        assertThat(letter.mailBody()).contains("Dear Evil {0} <b>Corp</b>");
    }

    @Test
    void aDocumentIsGeneratedOnceAndKept() {
        Customer customer = fixture.customer("Once Ltd", "en", DocumentFixture.address());
        Invoice invoice = fixture.invoice(customer);

        Document first = documents.invoicePdf(invoice.getId());
        Document again = documents.invoicePdf(invoice.getId());
        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(again.getSha256()).isEqualTo(first.getSha256());
        ReminderLetterRequest request = new ReminderLetterRequest(
                invoice.getId(), 2, new BigDecimal("5.00"), BigDecimal.ZERO, new BigDecimal("542.29"), 17);
        assertThat(documents.reminderLetter(request).document().getId())
                .isEqualTo(documents.reminderLetter(request).document().getId());
        assertThat(documents.aboutInvoice(invoice.getId()))
                .extracting(Document::getKind)
                .containsExactly(DocumentKind.INVOICE, DocumentKind.REMINDER);
    }

    @Test
    void arStaffDownloadTheDocumentsOthersMayNot() {
        Customer customer = fixture.customer("Download Ltd", "en", DocumentFixture.address());
        Invoice invoice = fixture.invoice(customer);

        ResponseEntity<byte[]> pdf = http.withBasicAuth("collector", "collector")
                .getForEntity("/api/invoices/" + invoice.getId() + "/pdf", byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(pdf.getHeaders().getContentType()).hasToString("application/pdf");
        assertThat(pdf.getHeaders().getContentDisposition().getFilename()).isEqualTo(invoice.getNumber() + ".pdf");
        assertThat(DocumentFixture.text(pdf.getBody())).contains(invoice.getNumber());

        assertThat(http.withBasicAuth("sales", "sales")
                        .getForEntity("/api/invoices/" + invoice.getId() + "/pdf", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        ResponseEntity<String> badFormat = http.withBasicAuth("collector", "collector")
                .getForEntity("/api/invoices/" + invoice.getId() + "/e-invoice?format=pdf", String.class);
        assertThat(badFormat.getStatusCode().value()).isEqualTo(400);
        assertThat(badFormat.getBody()).contains("format");
        ResponseEntity<String> noLetter = http.withBasicAuth("collector", "collector")
                .getForEntity("/api/invoices/" + invoice.getId() + "/letters/1/pdf", String.class);
        assertThat(noLetter.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void anExactHalfCentOfVatIsRoundedAsEn16931DoesSoTheInvoiceGetsItsEInvoice() {
        Customer customer = fixture.customer("Half Cent Ltd", "en", DocumentFixture.address());
        // 451.50 net x 19 % = 85.785: rounded half up (commercial rounding) to 85.79, as EN 16931 tools compute it
        Invoice invoice = fixture.invoice(customer, "45.00");
        assertThat(invoice.getTaxAmount()).isEqualByComparingTo("85.79");

        Document facturX = documents.eInvoice(invoice.getId(), EInvoiceFormat.FACTURX);

        assertThat(facturX.getKind()).isEqualTo(DocumentKind.FACTURX);
        assertThat(documents.aboutInvoice(invoice.getId()))
                .extracting(Document::getKind)
                .contains(DocumentKind.FACTURX);
    }

    @Test
    void anEInvoiceNeedsTheBuyersCountry() {
        Customer customer = fixture.customer("Nowhere Ltd", "en", PostalAddress.UNKNOWN);
        Invoice invoice = fixture.invoice(customer);

        assertThatThrownBy(() -> documents.eInvoice(invoice.getId(), EInvoiceFormat.UBL))
                .isInstanceOf(IllegalDocumentTransitionException.class)
                .hasMessageContaining("BT-55");
        ResponseEntity<String> response = http.withBasicAuth("collector", "collector")
                .getForEntity("/api/invoices/" + invoice.getId() + "/e-invoice?format=ubl", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void aPeppolInvoiceNeedsTheBuyersPeppolId() {
        Customer customer = fixture.customer("No Peppol GmbH", "de", DocumentFixture.address());
        Invoice invoice = fixture.invoice(customer);

        assertThatThrownBy(() -> documents.eInvoice(invoice.getId(), EInvoiceFormat.UBL))
                .isInstanceOf(IllegalDocumentTransitionException.class)
                .hasMessageContaining("BT-49");
        // Factur-X (EN 16931) takes the e-mail address instead
        assertThat(documents.eInvoice(invoice.getId(), EInvoiceFormat.FACTURX).getKind())
                .isEqualTo(DocumentKind.FACTURX);
    }

    @Test
    void theContactDetailsAreCheckedField() {
        Customer customer = fixture.customer("Contact GmbH", "en", PostalAddress.UNKNOWN);
        String path = "/api/customers/" + customer.getId() + "/contact";

        Api.Response badLanguage =
                api.exchange("clerk", HttpMethod.PUT, path, Map.of("language", "xx", "countryCode", "DE"), Map.of());
        assertThat(badLanguage.status()).isEqualTo(400);
        assertThat(badLanguage.field()).isEqualTo("language");
        Api.Response badPeppol = api.exchange("clerk", HttpMethod.PUT, path, Map.of("peppolId", "mail:x@y"), Map.of());
        assertThat(badPeppol.status()).isEqualTo(400);
        assertThat(badPeppol.field()).isEqualTo("peppolId");
        assertThat(api.exchange("sales", HttpMethod.PUT, path, Map.of("countryCode", "ZZ"), Map.of())
                        .field())
                .isEqualTo("countryCode");

        Api.Response changed = api.exchange(
                "clerk",
                HttpMethod.PUT,
                path,
                Map.of(
                        "language",
                        "de",
                        "street",
                        "Ring 1",
                        "postalCode",
                        "50667",
                        "city",
                        "Köln",
                        "countryCode",
                        "DE"),
                Map.of());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("language").asText()).isEqualTo("de");
        assertThat(changed.body().path("city").asText()).isEqualTo("Köln");
    }
}
