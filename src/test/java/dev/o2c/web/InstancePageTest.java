package dev.o2c.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operator's instance page for an instance the console has not seen yet (its projection follows the engine's
 * records a moment later): the page says it waits, keeps looking and shows the instance once it is there. A key the
 * engine never reports ends, after the page's patience, in a not-found message.
 */
@IntegrationTest
class InstancePageTest extends BrowserTest {

    private static final String PROCESS = "instance-page-drill";

    @Autowired
    CamundaClient client;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Api api;

    @Test
    void anInstanceTheConsoleHasNotSeenYetIsShownOnceItHas() throws Exception {
        deployDrill();
        Browser web = openBrowser();
        web.login("operator");

        // Holding the projection's position row keeps the projection from committing what it reads: the console lags
        // behind the engine as it does for a moment after every start.
        long key = new TransactionTemplate(transactions).execute(status -> {
            jdbc.queryForObject("select position from console_position where id = 1 for update", Long.class);
            long started = startDrill();
            web.open("/instance?key=" + started);
            web.waitForText("#waiting-message", "Waiting for the engine to report instance " + started);
            assertThat(api.get("operator", "/api/console/instances/" + started).status())
                    .as("the console has not seen it yet")
                    .isEqualTo(404);
            assertThat(web.all("#not-found")).isEmpty();
            return started;
        });

        web.waitForText("#active-elements", "Task_PageDrill");
        assertThat(web.text("#title")).contains(PROCESS);
        assertThat(web.all("#waiting-message")).isEmpty();
        assertThat(web.all(".djs-element.o2c-active")).isNotEmpty();
        assertThat(web.all("#error .alert")).isEmpty();
        web.screenshot("60-operator-instance-after-waiting");
        assertThat(api.get("operator", "/api/console/instances/" + key).status())
                .isEqualTo(200);
    }

    @Test
    void aKeyTheEngineNeverReportsEndsNotFound() throws Exception {
        Browser web = openBrowser();
        web.login("operator");
        web.open("/instance?key=2251799813999999");
        web.waitForText("#waiting-message", "Waiting for the engine to report instance 2251799813999999");
        web.waitForText("#not-found", "No process instance 2251799813999999", Duration.ofSeconds(45));
        assertThat(web.all("#waiting-message")).isEmpty();
        assertThat(web.all("#summary dl")).as("nothing to show").isEmpty();
        web.screenshot("61-operator-instance-not-found");
    }

    private void deployDrill() {
        var model = Bpmn.createExecutableProcess(PROCESS)
                .name("Instance page drill")
                .startEvent("StartEvent_PageDrill")
                .serviceTask("Task_PageDrill", task -> task.zeebeJobType("instance-page-drill"))
                .endEvent("EndEvent_PageDrill")
                .done();
        client.newDeployResourceCommand()
                .addProcessModel(model, PROCESS + ".bpmn")
                .send()
                .join();
    }

    private long startDrill() {
        return client.newCreateInstanceCommand()
                .bpmnProcessId(PROCESS)
                .latestVersion()
                .send()
                .join()
                .getProcessInstanceKey();
    }
}
