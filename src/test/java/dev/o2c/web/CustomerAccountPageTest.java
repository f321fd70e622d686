package dev.o2c.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o2c.billing.CreditNote;
import dev.o2c.billing.Invoice;
import dev.o2c.collections.disputes.Dispute;
import dev.o2c.collections.disputes.Disputes;
import dev.o2c.customers.Customer;
import dev.o2c.customers.RiskClass;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.support.AccountScenario;
import dev.o2c.support.Api;
import dev.o2c.support.CreditNoteDesk;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import dev.o2c.tasks.HumanTask;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An AR clerk finds a customer on the customer list and reads its account: figures, credit notes and how each was
 * split, payments. The resolver of a dispute sees the same split of the invoice's earlier credit notes on its task.
 */
@IntegrationTest
class CustomerAccountPageTest extends BrowserTest {

    static final String MARKUP_NAME = "<img src=x onerror=\"document.title='owned'\"><b>Bold</b> & Sons";

    @Autowired
    AccountScenario account;

    @Autowired
    Scenario scenario;

    @Autowired
    CreditNoteDesk desk;

    @Autowired
    Disputes disputes;

    @Autowired
    Api api;

    @Autowired
    LedgerInvariants ledger;

    @AfterEach
    void ledgerStillHolds() {
        ledger.assertHold();
    }

    @Test
    void aClerkFindsTheCustomerAndReadsItsAccountWithOutsideTextShownAsText() throws Exception {
        AccountScenario.Account built = account.build(MARKUP_NAME);
        Customer customer = built.customer();
        String tag = customer.getName().substring(customer.getName().length() - 8);
        openBrowser();

        browser.login("clerk");
        browser.open("/customers");
        browser.waitForText("header nav", "Customers");
        browser.find("#search").sendKeys(tag);
        browser.waitForText("#customers-table", customer.getName());
        assertThat(browser.all("#customers-table tbody tr")).hasSize(1);
        assertThat(browser.text("#customers-table tbody tr")).contains("€10,000.00", "€1,500.00");
        assertThat(browser.all("#customers-table b"))
                .as("the name is text, not markup")
                .isEmpty();
        browser.screenshot("40-customer-list");

        browser.find("#customers-table a.open-account").click();
        browser.waitForText("#items-table", built.partPaid().getNumber());
        assertThat(browser.text("h1")).contains(customer.getName());
        assertThat(browser.text("#exposure")).isEqualTo("€1,500.00");
        assertThat(browser.text("#available")).isEqualTo("€8,500.00");
        assertThat(browser.text("#customer-credit")).isEqualTo("€280.00");
        assertThat(browser.text("#items-table")).contains("€2,000.00", "€1,500.00", "PARTIALLY_PAID");
        String note = browser.find("#credit-notes-table")
                .findElement(By.xpath(
                        ".//tr[td[normalize-space(.)='" + built.creditNote().getNumber() + "']]"))
                .getText();
        assertThat(note)
                .contains(
                        built.discounted().getNumber(),
                        "€300.00",
                        "€20.00",
                        "€280.00",
                        AccountScenario.CREDIT_NOTE_REASON);
        assertThat(browser.text("#payments-table"))
                .contains(
                        built.partPaid().getNumber() + ": €500.00",
                        built.discounted().getNumber() + ": €980.00");
        assertThat(browser.find("#statement").getAttribute("href"))
                .endsWith("/api/customers/" + customer.getId() + "/statement/pdf");
        assertThat(browser.all("main b"))
                .as("names and reasons are text, not markup")
                .isEmpty();
        assertThat(browser.all("main img")).isEmpty();
        assertThat(browser.all("main i")).isEmpty();
        assertThat(browser.title()).isNotEqualTo("owned");
        browser.screenshot("41-customer-account");
    }

    @Test
    void aDisputeTaskShowsHowTheInvoicesEarlierCreditNotesWereSplit() throws Exception {
        Customer customer = scenario.customer("NET5", "100000", RiskClass.B);
        Invoice invoice = scenario.invoiceFor(customer, "1000.00");
        CreditNote note = desk.issue(invoice, "100.00", "Price corrected");
        Api.Response opened = api.post(
                "collector",
                "/api/invoices/" + invoice.getId() + "/disputes",
                Map.of("amount", "200.00", "reasonCode", "QUANTITY", "comment", "pallets short"));
        assertThat(opened.status()).isEqualTo(201);
        long disputeId = opened.body().path("id").asLong();
        Dispute started = await().atMost(Scenario.PATIENCE)
                .until(() -> disputes.get(disputeId), d -> d.getProcessInstanceKey() != null);
        HumanTask task = scenario.awaitOpenTask(started.getProcessInstanceKey(), "Task_ResolveDispute");
        openBrowser();

        browser.login("warehouse");
        browser.open("/task?id=" + task.getJobKey());
        browser.waitForText("#credit-notes-table", note.getNumber());
        assertThat(browser.text("#credit-notes-table thead"))
                .containsIgnoringCase("Applied to invoice")
                .containsIgnoringCase("Discount reversal")
                .containsIgnoringCase("Customer credit");
        // all of it taken off what was open: nothing reversed, nothing owed back
        assertThat(browser.text("#credit-notes-table tbody")).contains("€100.00", "€0.00", "Price corrected");
    }
}
