package dev.o2c.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o2c.bankstatements.BankStatementImport;
import dev.o2c.bankstatements.CamtWriter;
import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceStatus;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.PaymentTerms;
import dev.o2c.customers.RiskClass;
import dev.o2c.orders.OrderService;
import dev.o2c.orders.OrderStatus;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The workspace through a real browser: sales places an order that needs review, an analyst approves it on the
 * form beside its context, an operator watches the instance move on and retries an incident. Screenshots of each
 * page land in target/e2e-screenshots.
 */
@IntegrationTest
class WorkspaceEndToEndTest extends BrowserTest {

    @Autowired
    CustomerService customers;

    @Autowired
    OrderService orders;

    @Autowired
    CamundaClient client;

    @Autowired
    Scenario scenario;

    @Autowired
    Api api;

    @Autowired
    BankStatementImport imports;

    @Autowired
    Clock clock;

    @Autowired
    dev.o2c.credit.limits.LimitReviews reviews;

    @Test
    void salesOrdersAnAnalystApprovesAnOperatorWatchesAndRetriesAnIncident() throws Exception {
        Browser web = openBrowser();
        Customer customer = customers.create(
                new CustomerService.NewCustomer(
                        "Brightline Optics " + tag(),
                        "ap@brightline.example",
                        "EUR",
                        PaymentTerms.parse("NET30"),
                        new BigDecimal("50000"),
                        RiskClass.C,
                        new BigDecimal("0.19"),
                        "DE75512108001245126199"),
                "test");

        web.login("sales");
        long orderId = placeOrder(web, customer, "Precision lenses, batch 7", "12000");
        web.screenshot("01-sales-order-placed");
        scenario.awaitStatus(orders.get(orderId), OrderStatus.CREDIT_REVIEW);
        // sales answer disputes about prices, so they have the task inbox too, and open and read disputes
        assertThat(web.all("header nav a"))
                .extracting(link -> link.getText())
                .containsExactly("Task inbox", "Orders", "Disputes", "API");

        web.login("analyst");
        web.open("/tasks");
        web.waitForText("#task-table", "ORDER-" + orderId);
        web.screenshot("02-analyst-task-inbox");
        web.openTaskFor("ORDER-" + orderId);
        web.waitForText("#context", "Credit decision (DMN)");
        web.waitForText("#context", customer.getName());
        web.choose("Approve the order on credit");
        web.find("#form textarea").sendKeys("Long-standing customer; limit raise requested separately.");
        web.screenshot("03-analyst-credit-review-form");
        web.find("#complete").click();
        web.find("#completed");
        assertThat(scenario.awaitStatus(orders.get(orderId), OrderStatus.APPROVED)
                        .getStatus())
                .isEqualTo(OrderStatus.APPROVED);

        long instanceKey = orders.get(orderId).getProcessInstanceKey();
        web.login("operator");
        web.open("/console");
        web.find("#search button").click();
        web.waitForText("#instances-table", "ORDER-" + orderId);
        web.screenshot("04-operator-console");
        web.open("/instance?key=" + instanceKey);
        web.waitForText("#active-elements", "Event_ShipmentConfirmed");
        assertThat(web.all(".djs-element.o2c-active")).isNotEmpty();
        assertThat(web.all(".djs-connection.o2c-taken")).isNotEmpty();
        web.screenshot("05-operator-instance-advanced");

        long drill = startDrillWithIncident();
        // the console's projection follows the engine's records a moment later, and the page needs the instance there
        await().atMost(Scenario.PATIENCE)
                .until(() ->
                        api.get("operator", "/api/console/instances/" + drill).status() == 200);
        web.open("/instance?key=" + drill);
        web.waitForText("#incidents-table", "tax service timed out");
        web.waitFor(".djs-element.o2c-incident");
        web.screenshot("06-operator-incident");
        web.find("button.retry").click();
        web.find("#retried");
        ActivatedJob retried = activateDrillJob();
        client.newCompleteCommand(retried.getKey()).send().join();
        web.waitForText("#instance-state", "COMPLETED");
        web.screenshot("06b-operator-incident-retried");

        web.open("/process?id=order-to-cash");
        web.waitFor(".o2c-count");
        web.screenshot("07-operator-process-statistics");
        web.open("/dashboard");
        web.waitFor("#credit-table");
        web.screenshot("08-receivables-dashboard");
    }

    @Test
    void salesAsksForAHigherLimitAndAnAnalystAcceptsTheProposal() throws Exception {
        Browser web = openBrowser();
        Customer customer = scenario.customer("10000");

        web.login("sales");
        web.open("/orders");
        web.find("#customer option[value='" + customer.getId() + "']").click();
        web.waitForText("#limit-currency", "EUR");
        web.find("#limit-amount").sendKeys("14000");
        web.find("#limit-reason").sendKeys("Winter season pipeline");
        web.find("#ask-limit").click();
        long reviewId = Long.parseLong(web.find("#limit-requested").getAttribute("data-review-id"));
        web.waitForText("#limit-reviews-table", "OPEN");
        web.screenshot("12-sales-limit-requested");

        long instanceKey = await().atMost(Scenario.PATIENCE)
                .until(() -> reviews.get(reviewId).getProcessInstanceKey(), key -> key != null);
        var task = scenario.awaitOpenTask(instanceKey, "Task_DecideCreditLimit");
        web.login("analyst");
        web.open("/task?id=" + task.getJobKey());
        web.waitForText("#context", "Limit review " + reviewId);
        web.waitForText("#context", "Winter season pipeline");
        web.choose("Accept the proposed limit");
        web.find("#form textarea").sendKeys("Pays on time, references checked");
        web.screenshot("13-analyst-limit-review-form");
        web.find("#complete").click();
        web.find("#completed");
        await().atMost(Scenario.PATIENCE)
                .until(
                        () -> customers.get(customer.getId()).getCreditLimit(),
                        limit -> limit.compareTo(new BigDecimal("14000")) == 0);
    }

    @Test
    void whoPlacedAnOrderCannotApproveItsCreditAndSeesWhy() throws Exception {
        Browser web = openBrowser();
        Customer customer = scenario.customer("100");
        web.login("admin");
        long orderId = placeOrder(web, customer, "Demo unit", "900");
        var task = scenario.awaitReview(orders.get(orderId));

        web.open("/task?id=" + task.getJobKey());
        web.waitForText("#notice", "Four eyes");
        web.choose("Approve the order on credit");
        web.find("#form textarea").sendKeys("approving my own order");
        web.find("#complete").click();
        web.waitForText("#result", "four eyes");
        web.screenshot("09-four-eyes-refused");
        assertThat(orders.get(orderId).getStatus()).isEqualTo(OrderStatus.CREDIT_REVIEW);
    }

    @Test
    void aClerkMatchesAPaymentTheBankStatementCouldNotPlace() throws Exception {
        Browser web = openBrowser();
        Customer customer = scenario.customer("10000");
        Invoice invoice = scenario.invoiceFor(customer, "310.00");
        String messageId = "E2E-" + tag();
        Path file = Files.createTempFile("statement", ".xml");
        Files.write(
                file,
                new CamtWriter(messageId, "STMT-" + messageId)
                        .credit(
                                invoice.getOpenAmount().toPlainString(),
                                LocalDate.now(clock),
                                "J. Private",
                                null,
                                null,
                                "thanks")
                        .bytes());

        web.login("clerk");
        web.open("/statements");
        web.find("#file").sendKeys(file.toAbsolutePath().toString());
        web.find("#import").click();
        web.waitForText("#imported", "0 matched automatically, 1 for a clerk");
        web.waitForText("#entries-table", "NEEDS_CLERK");
        web.screenshot("10-clerk-statement-imported");
        long statementId = imports.recent().stream()
                .filter(summary -> summary.messageId().equals(messageId))
                .findFirst()
                .orElseThrow()
                .statementId();
        long entryId = imports.entriesOf(statementId).get(0).getId();

        web.open("/tasks");
        web.waitForText("#task-table", "BE-" + entryId);
        web.openTaskFor("BE-" + entryId);
        web.waitForText("#context", "Why it needs you");
        web.choose("Post to a customer");
        web.fill("Customer number", String.valueOf(customer.getId()));
        web.fill("Invoices to settle", invoice.getNumber());
        web.fill("Note", "Paid privately by the owner, confirmed by phone");
        web.screenshot("11-clerk-match-payment");
        web.find("#complete").click();
        web.find("#completed");

        await().atMost(Scenario.PATIENCE)
                .until(() -> scenario.invoice(invoice.getId()).getStatus() == InvoiceStatus.PAID);
    }

    @Test
    void aWrongPasswordIsRefusedAndPagesNeedALogin() throws Exception {
        Browser web = openBrowser();
        web.open("/logout-page-that-does-not-matter");
        web.open("/login");
        web.find("#username").sendKeys("clerk");
        web.find("#password").sendKeys("wrong");
        web.find("#login").click();
        web.waitForText("#message", "Wrong user name or password");
        web.login("clerk");
        assertThat(web.all("header nav a"))
                .extracting(link -> link.getText())
                .containsExactly(
                        "Task inbox", "Customers", "Bank statements", "Disputes", "Documents", "Receivables", "API");
        web.find("#logout").click();
        web.waitForText("#message", "logged out");
        web.open("/console");
        assertThat(web.currentPath()).startsWith("/login");
    }

    /** Places a one-line order on the Orders page and returns its number. */
    private static long placeOrder(Browser web, Customer customer, String description, String unitPrice) {
        web.open("/orders");
        web.find("#customer option[value='" + customer.getId() + "']").click();
        web.find("#lines input[name=description]").sendKeys(description);
        web.find("#lines input[name=unitPrice]").sendKeys(unitPrice);
        web.find("#place-order").click();
        return Long.parseLong(web.find("#order-placed").getAttribute("data-order-id"));
    }

    private long startDrillWithIncident() {
        var model = Bpmn.createExecutableProcess("workspace-incident-drill")
                .name("Workspace incident drill")
                .startEvent("StartEvent_Drill")
                .serviceTask("Task_Drill", task -> task.zeebeJobType("workspace-drill"))
                .endEvent("EndEvent_Drill")
                .done();
        client.newDeployResourceCommand()
                .addProcessModel(model, "workspace-incident-drill.bpmn")
                .send()
                .join();
        long key = client.newCreateInstanceCommand()
                .bpmnProcessId("workspace-incident-drill")
                .latestVersion()
                .variables(Map.of("statementEntryId", "DRILL-" + tag()))
                .send()
                .join()
                .getProcessInstanceKey();
        client.newFailCommand(activateDrillJob().getKey())
                .retries(0)
                .errorMessage("tax service timed out")
                .send()
                .join();
        return key;
    }

    private ActivatedJob activateDrillJob() {
        return await().atMost(Scenario.PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> client.newActivateJobsCommand()
                                .jobType("workspace-drill")
                                .maxJobsToActivate(1)
                                .workerName("e2e-test")
                                .timeout(Duration.ofMinutes(1))
                                .send()
                                .join()
                                .getJobs(),
                        jobs -> !jobs.isEmpty())
                .get(0);
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
