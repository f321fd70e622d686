package dev.o2c.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o2c.collections.disputes.Dispute;
import dev.o2c.collections.disputes.DisputeStatus;
import dev.o2c.collections.disputes.Disputes;
import dev.o2c.customers.Customer;
import dev.o2c.customers.RiskClass;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskInbox;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A collector opens a dispute on the Disputes page (a wrong amount first, named next to its field), finds it in the
 * list and reads it with its invoice and audit trail; the customer's comment stays text. Once the warehouse accepts
 * part of it, the page links the credit note. Sales reads it too, without the audit trail it may not see.
 */
@IntegrationTest
class DisputesPageTest extends BrowserTest {

    private static final String MARKUP = "<img src=x onerror=\"document.title='owned'\"><b>Short</b> by two pallets";

    @Autowired
    Scenario scenario;

    @Autowired
    Disputes disputes;

    @Autowired
    TaskInbox inbox;

    @Autowired
    LedgerInvariants ledger;

    @Autowired
    Api api;

    @Test
    void aCollectorOpensADisputeAndReadsItAsText() throws Exception {
        Customer customer = scenario.customer("NET5", "100000", RiskClass.B);
        var invoice = scenario.invoiceFor(customer, "1000.00");
        openBrowser();

        browser.login("collector");
        browser.open("/disputes");
        browser.waitForText("header nav", "Disputes");
        browser.find("#open-invoice").sendKeys(String.valueOf(invoice.getId()));
        browser.find("#open-amount").sendKeys("999999.00");
        new Select(browser.find("#open-reason")).selectByValue("QUANTITY");
        browser.find("#open-comment").sendKeys(MARKUP);
        browser.find("#open-submit").click();
        browser.waitForText("#error-amount", "can be disputed");
        assertThat(browser.text("#error-amount")).contains(invoice.getNumber());
        assertThat(browser.text("#dispute")).as("nothing was opened").isEqualTo("Choose a dispute.");

        browser.find("#open-amount").clear();
        browser.find("#open-amount").sendKeys("250.00");
        browser.find("#open-submit").click();
        browser.waitForText("#open-message", "opened on " + invoice.getNumber());
        assertThat(browser.all(".field-error"))
                .allSatisfy(error -> assertThat(error.getText()).isEmpty());
        assertThat(browser.currentPath()).startsWith("/disputes?id=");
        long disputeId = Long.parseLong(browser.currentPath().substring("/disputes?id=".length()));

        // the detail: the dispute, its invoice and its audit trail, the comment as the text it is
        browser.waitForText("#dispute-audit", "DISPUTE_OPENED");
        assertThat(browser.text("#dispute"))
                .contains("QUANTITY", "250.00", "collector", customer.getName(), "Not resolved");
        assertThat(browser.text("#dispute-invoice")).contains(invoice.getNumber(), "250.00");
        assertThat(browser.text("#dispute-comment")).isEqualTo(MARKUP);
        assertThat(browser.text("#dispute-audit")).contains(MARKUP);
        assertThat(browser.all("#dispute img"))
                .as("outside text is never markup")
                .isEmpty();
        assertThat(browser.all("#dispute b")).isEmpty();
        assertThat(browser.title()).isNotEqualTo("owned");

        // the list, filtered by customer and status, links to the page
        browser.find("#customer").sendKeys(String.valueOf(customer.getId()));
        new Select(browser.find("#status")).selectByValue("OPEN");
        browser.find("#show").click();
        browser.waitForText("#disputes-table", invoice.getNumber());
        assertThat(browser.text("#disputes-table")).contains(customer.getName(), "QUANTITY", "OPEN");
        assertThat(browser.find("#disputes-table a.dispute-link").getAttribute("href"))
                .endsWith("/disputes?id=" + disputeId);
        new Select(browser.find("#status")).selectByValue("REJECTED");
        browser.find("#show").click();
        browser.waitForText("#disputes-table", "No disputes.");
        browser.screenshot("40-collector-disputes");

        // QUANTITY goes to the warehouse: from its task it reaches the dispute's page, without the list it may not read
        HumanTask task = resolveTask(disputeId);
        // due when the routing table's SLA passes, as the warehouse's inbox shows it
        String due = shownDate(task.getDueAt());
        new Select(browser.find("#status")).selectByValue("OPEN");
        browser.find("#show").click();
        browser.waitForText("#disputes-table", due);
        assertThat(browser.text("#disputes-table thead")).containsIgnoringCase("Due (SLA)");
        assertThat(browser.text("#disputes-table")).doesNotContain("overdue");
        browser.open("/disputes?id=" + disputeId);
        browser.waitForText("#dispute", due);
        browser.login("warehouse");
        browser.open("/tasks");
        browser.waitForText("header nav", "Task inbox");
        assertThat(browser.find("header nav").findElements(By.linkText("Disputes")))
                .as("not in the warehouse's menu")
                .isEmpty();
        browser.waitForText("#task-table", invoice.getNumber());
        assertThat(browser.all("#task-table tbody tr"))
                .filteredOn(row -> row.getText().contains(invoice.getNumber()))
                .singleElement()
                .satisfies(row -> assertThat(row.getText()).contains(due));
        browser.openTaskFor(invoice.getNumber());
        browser.find("a.dispute-link").click();
        browser.waitForText("#dispute", "QUANTITY");
        assertThat(browser.text("#dispute-comment")).isEqualTo(MARKUP);
        assertThat(browser.text("#list")).contains("routed to them");

        // the warehouse accepts part of it: the page shows the outcome and links the credit note's PDF
        Dispute resolved = acceptInPart(task, disputeId, "100.00");
        browser.login("collector");
        browser.open("/disputes?id=" + disputeId);
        browser.waitForText("#dispute", "Accepted in part");
        assertThat(browser.text("#dispute")).contains("PARTIALLY_ACCEPTED", "100.00", "warehouse");
        assertThat(browser.find("#credit-note-pdf").getAttribute("href"))
                .endsWith("/api/credit-notes/" + resolved.getCreditNoteId() + "/pdf");
        assertThat(browser.text("#credit-note-pdf")).startsWith("CN-");
        browser.waitForText("#dispute-audit", "DISPUTE_PARTIALLY_ACCEPTED");
        browser.screenshot("41-dispute-credit-note");

        // sales reads the dispute but not the audit trail (403 shown in its place)
        browser.login("sales");
        browser.open("/disputes?id=" + disputeId);
        browser.waitForText("#dispute-audit", "may not read");
        assertThat(browser.text("#dispute-comment")).isEqualTo(MARKUP);
        assertThat(browser.all("#open-panel")).singleElement().satisfies(panel -> assertThat(panel.isDisplayed())
                .isTrue());
    }

    @Test
    void anUnresolvedDisputePastItsSlaShowsOverdue() throws Exception {
        Customer customer = scenario.customer("NET30", "100000", RiskClass.B);
        var invoice = scenario.invoiceFor(customer, "300.00");
        Api.Response opened = api.post(
                "clerk", "/api/invoices/" + invoice.getId() + "/disputes", Map.of("reasonCode", "DUPLICATE_BILLING"));
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        long disputeId = opened.body().path("id").asLong();
        HumanTask task = resolveTask(disputeId);
        assertThat(task.getDueAt()).as("duplicate billing: 2 days").isNotNull();

        scenario.advance(Duration.ofDays(3));
        await().atMost(Scenario.PATIENCE).until(() -> disputes.get(disputeId).getStatus() == DisputeStatus.ESCALATED);
        // the credit managers' task has its own due date, and they miss it too
        HumanTask escalated =
                scenario.awaitOpenTask(disputes.get(disputeId).getProcessInstanceKey(), "Task_ResolveDisputeEscalated");
        assertThat(escalated.getDueAt()).isAfter(task.getDueAt());
        scenario.advance(Duration.ofDays(4));
        openBrowser();
        browser.login("clerk");
        browser.open("/disputes");
        browser.find("#customer").sendKeys(String.valueOf(customer.getId()));
        browser.find("#show").click();
        browser.waitForText("#disputes-table", invoice.getNumber());
        assertThat(browser.text("#disputes-table .dispute-due"))
                .isEqualTo("overdue since " + shownDate(escalated.getDueAt()) + ", " + shownTime(escalated.getDueAt()));
        browser.screenshot("42-dispute-overdue");
    }

    /** The day as the page writes it (en-GB, the browser runs on this machine's time zone). */
    private static String shownDate(Instant instant) {
        return DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK).format(instant.atZone(ZoneId.systemDefault()));
    }

    private static String shownTime(Instant instant) {
        return DateTimeFormatter.ofPattern("HH:mm", Locale.UK).format(instant.atZone(ZoneId.systemDefault()));
    }

    @AfterEach
    void ledgerHolds() {
        ledger.assertHold();
    }

    /** The dispute's "Resolve dispute" task, once its process has started. */
    private HumanTask resolveTask(long disputeId) {
        Dispute started = await().atMost(Scenario.PATIENCE)
                .until(() -> disputes.get(disputeId), d -> d.getProcessInstanceKey() != null);
        return scenario.awaitOpenTask(started.getProcessInstanceKey(), "Task_ResolveDispute");
    }

    /** Completes the task as the warehouse, accepting part; waits for the credit note. */
    private Dispute acceptInPart(HumanTask task, long disputeId, String acceptedAmount) {
        inbox.complete(
                task.getJobKey(),
                Map.of("disputeOutcome", "ACCEPT_PART", "acceptedAmount", new BigDecimal(acceptedAmount)),
                new CurrentUser("warehouse", Set.of(Groups.WAREHOUSE)));
        return await().atMost(Scenario.PATIENCE).until(() -> disputes.get(disputeId), d -> d.getCreditNoteId() != null);
    }
}
