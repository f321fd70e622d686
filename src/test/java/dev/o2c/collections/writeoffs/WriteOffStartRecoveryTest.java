package dev.o2c.collections.writeoffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o2c.billing.Invoice;
import dev.o2c.platform.engine.ProcessCommands;
import dev.o2c.support.DuplicateStarts;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A write-off commits before its approval process starts. Should the application stop in between, the start sweep
 * starts it later; and whatever starts a write-off's approval twice, only one instance asks anybody to approve.
 */
@IntegrationTest
class WriteOffStartRecoveryTest {

    private static final String FIRST_STEP = "Task_DetermineWriteOffAuthority";

    @Autowired
    WriteOffs writeOffs;

    @Autowired
    WriteOffRepository rows;

    @Autowired
    WriteOffStartSweep sweep;

    @Autowired
    ProcessCommands processes;

    @Autowired
    DuplicateStarts duplicates;

    @Autowired
    Scenario scenario;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    void aWriteOffWhoseApprovalNeverStartedIsStartedByTheSweepAndAskedForOnce() {
        WriteOff requested = committedWithoutProcess(scenario.invoiceFor(scenario.customer("5000"), "300.00"));

        await().atMost(Scenario.PATIENCE)
                .until(() -> sweep.startMissed(Duration.ZERO) > 0
                        || writeOffs.get(requested.getId()).getProcessInstanceKey() != null);
        WriteOff started = await().atMost(Scenario.PATIENCE)
                .until(() -> writeOffs.get(requested.getId()), found -> found.getProcessInstanceKey() != null);
        scenario.awaitOpenTask(started.getProcessInstanceKey(), "Task_ApproveWriteOff");

        assertThat(writeOffs.unstartedRequestedBefore(clock.instant().plusSeconds(1)))
                .extracting(WriteOff::getId)
                .doesNotContain(requested.getId());
        assertThat(jdbc.queryForList(
                        "select action from audit_record where entity_type = 'write-off' and entity_id = ?",
                        String.class,
                        String.valueOf(requested.getId())))
                .contains("WRITE_OFF_PROCESS_RESTARTED", "WRITE_OFF_ROUTED");
        // the scheduled sweep may have started it at the same moment: every other instance ended unrouted
        duplicates.assertOnlyRecordedGoesOn(
                WriteOffs.PROCESS, "writeOffId", requested.getId(), started.getProcessInstanceKey(), FIRST_STEP, 1);
    }

    @Test
    void aSecondStartOfAnApprovalEndsBeforeAnybodyIsAsked() {
        Invoice invoice = scenario.invoiceFor(scenario.customer("5000"), "400.00");
        WriteOff writeOff = writeOffs.request(invoice.getId(), new BigDecimal("40.00"), "EUR", "Goodwill", "collector");
        scenario.awaitOpenTask(writeOff.getProcessInstanceKey(), "Task_ApproveWriteOff");

        processes.start(WriteOffs.PROCESS, Map.of("writeOffId", writeOff.getId()));

        duplicates.assertOnlyRecordedGoesOn(
                WriteOffs.PROCESS, "writeOffId", writeOff.getId(), writeOff.getProcessInstanceKey(), FIRST_STEP, 1);
        assertThat(writeOffs.get(writeOff.getId()).getProcessInstanceKey()).isEqualTo(writeOff.getProcessInstanceKey());
    }

    @Test
    void anApprovalOfAWriteOffTakenBackBecauseItsStartSeemedToFailEndsUnasked() {
        WriteOff takenBack = committedWithoutProcess(scenario.invoiceFor(scenario.customer("5000"), "200.00"));
        // the engine's answer was lost: the request took the write-off back, but the engine had started it
        rows.deleteById(takenBack.getId());

        long late = processes.start(WriteOffs.PROCESS, Map.of("writeOffId", takenBack.getId()));

        duplicates.assertDiscarded(late, FIRST_STEP);
    }

    /** Committed as a request commits it, but the application stopped before it asked the engine. */
    private WriteOff committedWithoutProcess(Invoice invoice) {
        return rows.saveAndFlush(new WriteOff(
                invoice.getId(),
                invoice.getCustomerId(),
                invoice.getCurrency(),
                new BigDecimal("25.00"),
                "Small balance, customer insolvent",
                "collector",
                clock.instant(),
                0,
                "B"));
    }
}
