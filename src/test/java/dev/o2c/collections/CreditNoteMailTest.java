package dev.o2c.collections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceStatus;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.PostalAddress;
import dev.o2c.customers.RiskClass;
import dev.o2c.documents.CustomerDocuments;
import dev.o2c.documents.Document;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.platform.audit.AuditRepository;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.PdfText;
import dev.o2c.support.Scenario;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An issued credit note goes to the customer by e-mail with its PDF, in the customer's language, once. */
@IntegrationTest
class CreditNoteMailTest {

    @Autowired
    Scenario scenario;

    @Autowired
    CollectionScenario collection;

    @Autowired
    CustomerService customers;

    @Autowired
    CustomerDocuments documents;

    @Autowired
    OutboxEmailRepository outbox;

    @Autowired
    AuditRepository audit;

    @Autowired
    Api api;

    @Autowired
    LedgerInvariants ledger;

    @AfterEach
    void ledgerStillHolds() {
        ledger.assertHold();
    }

    @Test
    void aGermanCustomerGetsTheCreditNoteInGermanOnceEvenWhenTheRequestIsRepeated() {
        Customer customer = scenario.customer("NET30", "20000", RiskClass.B);
        customers.changeContact(customer.getId(), "de", new PostalAddress(null, null, null, "DE", null), "test");
        Invoice invoice = scenario.invoiceFor(customer, "1500.00");
        String path = "/api/invoices/" + invoice.getId() + "/credit-notes";
        Map<String, Object> body = Map.of("amount", new BigDecimal("1200.00"), "reason", "Rücksendung");

        Api.Response issued = api.post("clerk", path, body, Map.of("Idempotency-Key", "mail-" + invoice.getId()));
        Api.Response again = api.post("clerk", path, body, Map.of("Idempotency-Key", "mail-" + invoice.getId()));

        assertThat(issued.status()).isEqualTo(201);
        assertThat(again.status()).as("the same request replayed").isEqualTo(200);
        long creditNoteId = issued.body().path("id").asLong();
        String number = issued.body().path("number").asText();
        Document pdf = documents.creditNotePdf(creditNoteId);
        OutboxEmail email = outbox.findByDedupKey("credit-note-" + creditNoteId).orElseThrow();
        assertThat(email.getRecipient()).isEqualTo(customer.getEmail());
        assertThat(email.getAttachmentDocumentId()).isEqualTo(pdf.getId());
        assertThat(email.getSubject()).isEqualTo("Gutschrift " + number + " zur Rechnung " + invoice.getNumber());
        assertThat(email.getBody())
                .startsWith("Sehr geehrte Damen und Herren,")
                .contains("unsere Gutschrift " + number + " über 1.200,00 EUR zur Rechnung " + invoice.getNumber())
                .contains("1.200,00 EUR werden mit der Rechnung " + invoice.getNumber() + " verrechnet.")
                .contains("Mit freundlichen Grüßen");
        assertThat(PdfText.of(pdf.getContent())).contains("Gutschrift " + number, "1.200,00 EUR");
        assertThat(outbox.findAll())
                .filteredOn(mail -> mail.getRecipient().equals(customer.getEmail()))
                .hasSize(1);
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "invoice", invoice.getId().toString()))
                .filteredOn(record -> record.getAction().equals("CREDIT_NOTE_SENT"))
                .hasSize(1);
    }

    @Test
    void anEnglishCustomerIsToldOfTheCreditLeftBeyondWhatWasOpen() {
        Customer customer = scenario.customer("NET30", "20000", RiskClass.B);
        Invoice invoice = scenario.invoiceFor(customer, "300.00");
        collection.pay(customer, invoice, "300.00");
        assertThat(scenario.invoice(invoice.getId()).getStatus()).isEqualTo(InvoiceStatus.PAID);

        Api.Response issued = api.post(
                "clerk",
                "/api/invoices/" + invoice.getId() + "/credit-notes",
                Map.of("amount", new BigDecimal("50.00"), "reason", "Freight refunded"));

        assertThat(issued.status()).isEqualTo(201);
        String number = issued.body().path("number").asText();
        OutboxEmail email = outbox.findByDedupKey(
                        "credit-note-" + issued.body().path("id").asLong())
                .orElseThrow();
        assertThat(email.getSubject()).isEqualTo("Credit note " + number + " for invoice " + invoice.getNumber());
        assertThat(email.getBody())
                .startsWith("Dear " + customer.getName() + ",")
                .contains("our credit note " + number + " of 50.00 EUR for invoice " + invoice.getNumber())
                .contains("50.00 EUR exceeds what was still open and is held for you as a credit balance.")
                .doesNotContain("is credited against")
                .contains("Kind regards");
    }
}
