package dev.o2c.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.RiskClass;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** A collector finds an overdue customer on the worklist, claims it, opens its picture and notes a call. */
@IntegrationTest
class WorklistPageTest extends BrowserTest {

    @Autowired
    Scenario scenario;

    @Autowired
    CustomerService customers;

    @Autowired
    Api api;

    @Test
    void aCollectorClaimsACustomerAndNotesACallAsText() throws Exception {
        Customer customer = scenario.customer("NET5", "100000", RiskClass.B);
        var invoice = scenario.invoiceFor(customer, "40000.00");
        customers.changeRiskClass(customer.getId(), RiskClass.D, "test", "payment incidents reported");
        scenario.advance(Duration.ofDays(7));
        // opened after the clock moved, so it is still OPEN (QUANTITY: 5 days to answer)
        Api.Response dispute = api.post(
                "collector",
                "/api/invoices/" + invoice.getId() + "/disputes",
                Map.of("amount", "500.00", "reasonCode", "QUANTITY", "comment", "two pallets short"));
        assertThat(dispute.status()).isEqualTo(201);
        long disputeId = dispute.body().path("id").asLong();
        openBrowser();

        browser.login("collector");
        browser.open("/worklist");
        browser.waitForText("header nav", "Worklist");
        new Select(browser.find("#filter")).selectByValue("unassigned");
        browser.find("#show").click();
        browser.waitForText("#worklist-table", customer.getName());
        browser.clickFresh(() -> rowOf(customer).findElement(By.cssSelector("button.claim")));
        browser.waitUntilGone("#worklist-table", customer.getName());

        new Select(browser.find("#filter")).selectByValue("mine");
        browser.find("#show").click();
        browser.waitForText("#worklist-table", customer.getName());
        assertThat(rowOf(customer).getText()).contains("Give back", "D");
        assertThat(rowOf(customer).findElement(By.cssSelector(".action")).getText())
                .isNotBlank();

        rowOf(customer).findElement(By.cssSelector("a.open-case")).click();
        browser.waitForText("#items-table", invoice.getNumber());
        assertThat(browser.text("#case")).contains("collector");
        // the customer's unresolved dispute, linked
        assertThat(browser.text("#disputes-summary")).contains("1 unresolved", "500.00");
        assertThat(browser.text("#disputes-table")).contains(invoice.getNumber(), "QUANTITY", "OPEN");
        assertThat(browser.find("#disputes-table a.dispute-link").getAttribute("href"))
                .endsWith("/disputes?id=" + disputeId);
        assertThat(browser.find("#case-statement").getAttribute("href"))
                .endsWith("/api/customers/" + customer.getId() + "/statement/pdf");
        // the customer's name leads to the account page
        assertThat(browser.find("a.account-link").getAttribute("href")).endsWith("/customer?id=" + customer.getId());

        String markup = "<img src=x onerror=\"document.title='owned'\"><b>Promised</b> to call back";
        browser.find("#note-text").sendKeys(markup);
        browser.find("#note-form button").click();
        browser.waitForText("#notes", "Promised");
        assertThat(browser.text("#notes")).contains(markup);
        assertThat(browser.all("#notes b")).as("the note is text, not markup").isEmpty();
        assertThat(browser.all("#notes img")).isEmpty();
        assertThat(browser.title()).isNotEqualTo("owned");
        browser.screenshot("30-collector-worklist");

        // and on the dashboard: unresolved disputes by status and age, per currency
        browser.open("/dashboard");
        browser.waitForText("#disputes-EUR", "OPEN");
        assertThat(Integer.parseInt(browser.text("#disputes-total"))).isPositive();
        browser.screenshot("31-dashboard-disputes");
    }

    private WebElement rowOf(Customer customer) {
        return browser.all("#worklist-table tbody tr").stream()
                .filter(tr -> tr.getText().contains(customer.getName()))
                .findFirst()
                .orElseThrow();
    }
}
