package dev.o2c.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import dev.o2c.documents.CustomerDocuments;
import dev.o2c.documents.Document;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** A collector finds an invoice's documents in the workspace: the download links and the documents kept for it. */
@IntegrationTest
class DocumentsPageTest extends BrowserTest {

    @Autowired
    Scenario scenario;

    @Autowired
    CustomerDocuments documents;

    @Test
    void aCollectorSeesTheDocumentsOfAnInvoice() throws Exception {
        Customer customer = scenario.customer("10000");
        Invoice invoice = scenario.invoiceFor(customer, "250.00");
        Document pdf = documents.invoicePdf(invoice.getId());
        openBrowser();

        browser.login("collector");
        browser.open("/documents");
        browser.find("#customer").sendKeys(String.valueOf(customer.getId()));
        browser.find("#filter button").click();
        browser.waitForText("#invoice-documents", invoice.getNumber());
        assertThat(browser.find("#statement-pdf").getAttribute("href"))
                .endsWith("/api/customers/" + customer.getId() + "/statement/pdf");
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
