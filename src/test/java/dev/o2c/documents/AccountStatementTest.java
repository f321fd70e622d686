package dev.o2c.documents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.billing.CreditNote;
import dev.o2c.billing.CreditNotes;
import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import dev.o2c.customers.PostalAddress;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.payments.PaymentService;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** The account statement as PDF: open items, disputes, credits and the balance, in the customer's language, kept once. */
@IntegrationTest
class AccountStatementTest {

    @Autowired
    DocumentFixture fixture;

    @Autowired
    CustomerDocuments documents;

    @Autowired
    CreditNotes creditNotes;

    @Autowired
    Scenario scenario;

    @Autowired
    TestRestTemplate http;

    @Autowired
    Api api;

    @Autowired
    Clock clock;

    @Autowired
    PaymentService payments;

    @Autowired
    LedgerInvariants ledger;

    @AfterEach
    void ledgerStillHolds() {
        ledger.assertHold();
    }

    @Test
    void aGermanStatementListsOpenItemsWithDaysOverdueDisputesCreditsAndTheBalance() {
        Customer customer = fixture.customer("Müller & Söhne GmbH", "de", DocumentFixture.address());
        Invoice credited = fixture.invoice(customer); // 537.52
        Invoice disputed = fixture.invoice(customer, "10.00"); // 381.50 net, 72.49 VAT: 453.99
        CreditNote note = creditNotes
                .issue(
                        new CreditNotes.NewCreditNote(
                                credited.getId(),
                                new BigDecimal("119.00"),
                                "Ein Widget beschädigt",
                                "stmt-" + credited.getId()),
                        "clerk")
                .creditNote();
        Api.Response dispute = api.post(
                "collector",
                "/api/invoices/" + disputed.getId() + "/disputes",
                Map.of("amount", "100.00", "reasonCode", "PRICE", "comment", "Preisliste 2026"));
        assertThat(dispute.status()).isEqualTo(201);
        scenario.advance(Duration.ofDays(35)); // due after 30 days: 5 days overdue
        LocalDate today = LocalDate.now(clock);

        Document pdf = documents.accountStatementPdf(customer.getId(), null);

        assertThat(pdf.getKind()).isEqualTo(DocumentKind.ACCOUNT_STATEMENT);
        assertThat(pdf.getLanguage()).isEqualTo("de");
        assertThat(pdf.getReference()).isEqualTo("customer-" + customer.getId() + "/" + today);
        String text = DocumentFixture.text(pdf.getContent());
        assertThat(text)
                .contains("Kontoauszug", "Müller & Söhne GmbH", "80331 München", "Deutschland")
                .contains("Stand " + today.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")))
                .contains("Offene Posten", "Tage überfällig")
                .contains(credited.getNumber() + " ", "537,52 EUR 418,52 EUR 5")
                .contains(disputed.getNumber() + " ", "453,99 EUR 453,99 EUR 5")
                .contains("100,00 EUR der Rechnung " + disputed.getNumber() + " sind beanstandet")
                .contains("Gutschriften", note.getNumber(), credited.getNumber(), "119,00 EUR 0,00 EUR")
                .contains("Offene Rechnungen und Kosten (EUR) 872,51 EUR", "Saldo (EUR) 872,51 EUR")
                .contains("DE89370400440532013000", "Mit freundlichen Grüßen")
                .doesNotContain("Invoice", "Balance");

        Document again = documents.accountStatementPdf(customer.getId(), today);
        assertThat(again.getId()).isEqualTo(pdf.getId());
        assertThat(again.getSha256()).isEqualTo(pdf.getSha256());
    }

    @Test
    void anEnglishStatementOfTodayIsDownloadedByArStaffAndKeptOnce() {
        Customer customer =
                fixture.customer("Acme Ltd", "en", new PostalAddress("1 High Street", "SW1A 1AA", "London", "GB"));
        Invoice invoice = fixture.invoice(customer); // 537.52
        creditNotes.issue(
                new CreditNotes.NewCreditNote(
                        invoice.getId(), new BigDecimal("37.52"), "Late delivery", "stmt-" + invoice.getId()),
                "clerk");
        String path = "/api/customers/" + customer.getId() + "/statement/pdf";

        ResponseEntity<byte[]> first = http.withBasicAuth("clerk", "clerk").getForEntity(path, byte[].class);
        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(first.getHeaders().getContentType()).hasToString("application/pdf");
        String text = DocumentFixture.text(first.getBody());
        assertThat(text)
                .contains("Account statement", "Acme Ltd", "United Kingdom", "Open items", "Days overdue")
                .contains(invoice.getNumber() + " ", "537.52 EUR 500.00 EUR 0")
                .contains("Credit notes", "37.52 EUR 0.00 EUR")
                .contains("Open invoices and charges (EUR) 500.00 EUR", "Balance (EUR) 500.00 EUR");
        String sha = CustomerDocuments.sha256(first.getBody());
        assertThat(first.getHeaders().getETag()).isEqualTo("\"" + sha + "\"");

        ResponseEntity<byte[]> second = http.withBasicAuth("collector", "collector")
                .getForEntity(path + "?asOf=" + LocalDate.now(clock), byte[].class);
        assertThat(second.getStatusCode().value()).isEqualTo(200);
        assertThat(second.getHeaders().getETag()).isEqualTo("\"" + sha + "\"");
        assertThat(second.getBody()).isEqualTo(first.getBody());

        // the day before the invoice: nothing open, nothing booked
        String yesterday = LocalDate.now(clock).minusDays(1).toString();
        assertThat(DocumentFixture.text(documents
                        .accountStatementPdf(customer.getId(), LocalDate.parse(yesterday))
                        .getContent()))
                .contains("No invoices are open.", "Nothing has been booked on your account yet.")
                .doesNotContain(invoice.getNumber());
    }

    @Test
    void paymentsNotAppliedAndCreditLeftByACreditNoteCountAgainstTheBalance() {
        Customer customer = fixture.customer("Overpaid Ltd", "en", DocumentFixture.address());
        Invoice invoice = fixture.invoice(customer); // 537.52
        payments.post(
                new PaymentService.NewPayment(
                        customer.getId(),
                        new BigDecimal("600.00"),
                        "EUR",
                        invoice.getNumber(),
                        LocalDate.now(clock),
                        null,
                        List.of()),
                "clerk");
        CreditNote note = creditNotes
                .issue(
                        new CreditNotes.NewCreditNote(
                                invoice.getId(), new BigDecimal("37.52"), "Late delivery", "stmt-" + invoice.getId()),
                        "clerk")
                .creditNote();

        String text = DocumentFixture.text(
                documents.accountStatementPdf(customer.getId(), null).getContent());

        // 537.52 paid with 600.00: 62.48 not applied; the credit note on the paid invoice is all credit
        assertThat(text)
                .contains("No invoices are open.", note.getNumber(), invoice.getNumber(), "37.52 EUR 37.52 EUR")
                .contains("Open invoices and charges (EUR) 0.00 EUR")
                .contains("Payments received, not yet applied -62.48 EUR")
                .contains("Credit balance from credit notes -37.52 EUR")
                .contains("Balance (EUR) -100.00 EUR");
    }

    @Test
    void salesMayNotSeeItAndBadRequestsNameTheParameter() {
        Customer customer = fixture.customer("Refused Ltd", "en", DocumentFixture.address());
        String path = "/api/customers/" + customer.getId() + "/statement/pdf";

        assertThat(api.get("sales", path + "?asOf=not-a-date").status())
                .as("403 before the date is looked at")
                .isEqualTo(403);
        Api.Response badDate = api.get("clerk", path + "?asOf=2026-13-45");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.field()).isEqualTo("asOf");
        Api.Response future =
                api.get("clerk", path + "?asOf=" + LocalDate.now(clock).plusDays(1));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.field()).isEqualTo("asOf");
        assertThat(api.get("clerk", "/api/customers/999999999/statement/pdf").status())
                .isEqualTo(404);
        assertThat(documents.accountStatementPdf(customer.getId(), null).getFileName())
                .startsWith("account-statement-" + customer.getId() + "-");
    }
}
