package dev.o2c.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.customers.Customer;
import dev.o2c.orders.SalesOrder;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import dev.o2c.tasks.HumanTask;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The inbox measures due dates against the application's clock, which in embedded mode is the engine's: after time
 * travel a task's SLA is counted from the day the application lives in, not from the browser's.
 */
@IntegrationTest
class TaskInboxPageTest extends BrowserTest {

    @Autowired
    Scenario scenario;

    @Test
    void aReviewDueWithinADayOnTheApplicationsClockIsListedAsDueSoon() throws Exception {
        // from here on the application's clock is at least twelve hours ahead of the browser's
        scenario.advance(Duration.ofHours(12));
        Customer customer = scenario.customer("1000");
        SalesOrder order = scenario.order(customer, "3000.00"); // over the limit: an analyst reviews it
        HumanTask review = scenario.awaitReview(order);
        // due when the review SLA (P1D) passes: within 24 h of the application's now, 36 h or more of the browser's
        assertThat(review.getDueAt()).isNotNull();
        openBrowser();

        browser.login("analyst");
        browser.open("/tasks");
        browser.waitForText("#task-table", customer.getName());
        new Select(browser.find("#filter-sla")).selectByValue("soon");

        assertThat(browser.all("#task-table tbody tr"))
                .filteredOn(row -> row.getText().contains(customer.getName()))
                .singleElement()
                .satisfies(row ->
                        assertThat(row.getText()).contains("Review credit").doesNotContain("overdue"));
        browser.screenshot("43-inbox-due-soon");
    }
}
