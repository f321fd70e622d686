package dev.o2c.collections.disputes;

import static dev.o2c.collections.disputes.DisputeScenario.RESOLVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o2c.billing.Invoice;
import dev.o2c.customers.RiskClass;
import dev.o2c.platform.engine.ProcessCommands;
import dev.o2c.support.DuplicateStarts;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A dispute commits before its process starts. Should the application stop in between, or lose the engine's answer,
 * the start sweep starts it later; and whatever starts a dispute's process twice, only one instance routes it.
 */
@IntegrationTest
class DisputeStartRecoveryTest {

    @Autowired
    Disputes disputes;

    @Autowired
    DisputeIntake intake;

    @Autowired
    ProcessCommands processes;

    @Autowired
    DuplicateStarts duplicates;

    @Autowired
    Scenario scenario;

    @Autowired
    DisputeScenario disputeScenario;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    void aDisputeWhoseProcessNeverStartedIsStartedByTheSweepAndRoutedOnce() {
        // committed as the intake commits it, but the application stopped before it asked the engine
        Dispute dispute = disputes.register(
                new Disputes.NewDispute(invoice().getId(), null, DisputeReason.PRICE, "agreed price was lower"),
                "collector");
        assertThat(dispute.getProcessInstanceKey()).isNull();

        await().atMost(Scenario.PATIENCE)
                .until(() -> intake.startMissed(Duration.ZERO) > 0
                        || disputes.get(dispute.getId()).getProcessInstanceKey() != null);
        Dispute started = await().atMost(Scenario.PATIENCE)
                .until(() -> disputes.get(dispute.getId()), found -> found.getProcessInstanceKey() != null);
        disputeScenario.awaitTask(started, RESOLVE);

        assertThat(disputes.unstartedOpenedBefore(clock.instant().plusSeconds(1)))
                .extracting(Dispute::getId)
                .doesNotContain(dispute.getId());
        assertThat(jdbc.queryForList(
                        "select action from audit_record where entity_type = 'dispute' and entity_id = ?",
                        String.class,
                        String.valueOf(dispute.getId())))
                .contains("DISPUTE_OPENED", "DISPUTE_PROCESS_RESTARTED");
        // the scheduled sweep may have started it at the same moment: every other instance ended unrouted
        assertOnlyRoutedBy(dispute.getId(), started.getProcessInstanceKey());
    }

    @Test
    void aSecondStartOfADisputesProcessEndsBeforeItIsRouted() {
        Dispute dispute = disputeScenario.open(invoice(), null, "QUANTITY");
        disputeScenario.awaitTask(dispute, RESOLVE);

        // a start the application made again because it could not tell whether the first got through
        processes.start(DisputeIntake.PROCESS_ID, Map.of("disputeId", dispute.getId()));

        assertThat(disputes.get(dispute.getId()).getProcessInstanceKey()).isEqualTo(dispute.getProcessInstanceKey());
        assertOnlyRoutedBy(dispute.getId(), dispute.getProcessInstanceKey());
    }

    @Test
    void aProcessOfADisputeWithdrawnBecauseItsStartSeemedToFailEndsUnrouted() {
        Dispute dispute = disputes.register(
                new Disputes.NewDispute(invoice().getId(), null, DisputeReason.DAMAGED_GOODS, null), "collector");
        // the engine's answer was lost: the intake withdrew the dispute, but the engine had started it
        disputes.cancelUnstarted(dispute.getId(), "collector", "DEADLINE_EXCEEDED");
        long late = processes.start(DisputeIntake.PROCESS_ID, Map.of("disputeId", dispute.getId()));

        duplicates.assertDiscarded(late, "Task_RouteDispute");
        Dispute withdrawn = disputes.get(dispute.getId());
        assertThat(withdrawn.getStatus()).isEqualTo(DisputeStatus.CANCELLED);
        assertThat(withdrawn.getProcessInstanceKey()).isNull();
        assertThat(disputes.unstartedOpenedBefore(clock.instant().plusSeconds(1)))
                .extracting(Dispute::getId)
                .as("the sweep leaves a withdrawn dispute alone")
                .doesNotContain(dispute.getId());
    }

    private void assertOnlyRoutedBy(long disputeId, long recorded) {
        duplicates.assertOnlyRecordedGoesOn(
                DisputeIntake.PROCESS_ID, "disputeId", disputeId, recorded, "Task_RouteDispute", 1);
    }

    private Invoice invoice() {
        return scenario.invoiceFor(scenario.customer("NET30", "20000", RiskClass.B), "640.00");
    }
}
