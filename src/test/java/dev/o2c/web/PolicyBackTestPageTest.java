package dev.o2c.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.credit.backtest.BackTestTables;
import dev.o2c.customers.Customer;
import dev.o2c.customers.RiskClass;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A business analyst back-tests a stricter credit policy in the workspace and sees the order it would hold. */
@IntegrationTest
class PolicyBackTestPageTest extends BrowserTest {

    @Autowired
    Scenario scenario;

    @Test
    void anAnalystSeesWhichDecisionsAStricterTableChanges() throws Exception {
        Customer customer = scenario.customer("NET30", "100000", RiskClass.B);
        SalesOrder order = scenario.awaitStatus(scenario.order(customer, "8000.00"), OrderStatus.APPROVED);
        Path table = Files.createTempDirectory("backtest").resolve("credit-decision.dmn");
        Files.write(table, BackTestTables.stricterPolicy());
        openBrowser();

        browser.login("modeler");
        browser.open("/backtest");
        browser.find("#file").sendKeys(table.toAbsolutePath().toString());
        browser.find("#decisions").clear();
        browser.find("#decisions").sendKeys("1");
        browser.find("#run").click();
        browser.waitForText("#summary", "1 decisions replayed, 0 unchanged, 1 changed");
        assertThat(browser.text("#transitions")).contains("APPROVE", "REVIEW");
        assertThat(browser.text("#changes-table"))
                .contains(String.valueOf(order.getId()), customer.getName(), BackTestTables.STRICTER_REASON);
        browser.screenshot("30-analyst-policy-backtest");
    }
}
