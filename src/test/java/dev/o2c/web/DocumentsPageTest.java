package dev.o2c.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import dev.o2c.documents.CustomerDocuments;
import dev.o2c.documents.Document;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A collector finds an invoice's documents in the workspace: the download links and the documents kept for it. */
@IntegrationTest
class DocumentsPageTest {

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    Scenario scenario;

    @Autowired
    CustomerDocuments documents;

    @BeforeAll
    static void needsChromium() {
        Assumptions.assumeTrue(
                Browser.available(),
                "end-to-end tests need Debian's chromium and chromium-driver (.ci/run installs them)");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aCollectorSeesTheDocumentsOfAnInvoice() throws Exception {
        Customer customer = scenario.customer("10000");
        Invoice invoice = scenario.invoiceFor(customer, "250.00");
        Document pdf = documents.invoicePdf(invoice.getId());
        browser = new Browser("http://localhost:" + port);

        browser.login("collector");
        browser.open("/documents");
        browser.find("#customer").sendKeys(String.valueOf(customer.getId()));
        browser.find("#filter button").click();
        browser.waitForText("#invoice-documents", invoice.getNumber());
        WebElement row = browser.all("#invoice-documents tbody tr").stream()
                .filter(tr -> tr.getText().contains(invoice.getNumber()))
                .findFirst()
                .orElseThrow();
        assertThat(row.findElements(By.cssSelector("a[download]")))
                .extracting(link -> link.getAttribute("href"))
                .anySatisfy(href -> assertThat(href).endsWith("/api/invoices/" + invoice.getId() + "/pdf"))
                .anySatisfy(href -> assertThat(href).endsWith("/e-invoice?format=facturx"))
                .anySatisfy(href -> assertThat(href).endsWith("/e-invoice?format=ubl"));

        row.findElement(By.linkText(invoice.getNumber())).click();
        browser.waitForText("#kept-table", invoice.getNumber() + ".pdf");
        assertThat(browser.text("#kept-table"))
                .contains("INVOICE", pdf.getSha256().substring(0, 16));
        browser.screenshot("20-collector-documents");
    }
}
