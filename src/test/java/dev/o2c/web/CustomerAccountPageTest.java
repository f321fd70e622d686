package dev.o2c.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.customers.Customer;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.support.AccountScenario;
import dev.o2c.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** An AR clerk finds a customer on the customer list and reads its account: figures, credit notes, payments. */
@IntegrationTest
class CustomerAccountPageTest extends BrowserTest {

    static final String MARKUP_NAME = "<img src=x onerror=\"document.title='owned'\"><b>Bold</b> & Sons";

    @Autowired
    AccountScenario scenario;

    @Autowired
    LedgerInvariants ledger;

    @AfterEach
    void ledgerStillHolds() {
        ledger.assertHold();
    }

    @Test
    void aClerkFindsTheCustomerAndReadsItsAccountWithOutsideTextShownAsText() throws Exception {
        AccountScenario.Account built = scenario.build(MARKUP_NAME);
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
}
