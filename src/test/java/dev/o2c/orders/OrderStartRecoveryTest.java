package dev.o2c.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o2c.customers.Customer;
import dev.o2c.platform.engine.ProcessCommands;
import dev.o2c.support.DuplicateStarts;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An order commits before its process starts. Should the application stop in between, the start sweep starts it
 * later; and whatever starts an order's process twice, only one instance checks its credit.
 */
@IntegrationTest
class OrderStartRecoveryTest {

    private static final String FIRST_STEP = "Task_FetchBureauReport";

    @Autowired
    OrderService orders;

    @Autowired
    OrderIntake intake;

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
    void anOrderWhoseProcessNeverStartedIsStartedByTheSweepAndDecidedOnce() {
        SalesOrder placed = committedWithoutProcess(scenario.customer("10000"));

        await().atMost(Scenario.PATIENCE)
                .until(() -> intake.startMissed(Duration.ZERO) > 0
                        || orders.get(placed.getId()).getProcessInstanceKey() != null);
        SalesOrder approved = scenario.awaitStatus(placed, OrderStatus.APPROVED);

        assertThat(orders.unstartedPlacedBefore(clock.instant().plusSeconds(1)))
                .extracting(SalesOrder::getId)
                .doesNotContain(placed.getId());
        assertThat(jdbc.queryForList(
                        "select action from audit_record where entity_type = 'order' and entity_id = ?",
                        String.class,
                        String.valueOf(placed.getId())))
                .contains("ORDER_PLACED", "ORDER_PROCESS_RESTARTED");
        // the scheduled sweep may have started it at the same moment: every other instance ended unchecked
        duplicates.assertOnlyRecordedGoesOn(
                OrderIntake.PROCESS_ID, "orderId", placed.getId(), approved.getProcessInstanceKey(), FIRST_STEP, 0);
        assertThat(approved.getReservedAmount()).isEqualByComparingTo("100.00");
    }

    @Test
    void aSecondStartOfAnOrdersProcessEndsBeforeItsCreditIsChecked() {
        SalesOrder order =
                scenario.awaitStatus(scenario.order(scenario.customer("10000"), "250.00"), OrderStatus.APPROVED);

        processes.start(OrderIntake.PROCESS_ID, Map.of("orderId", order.getId()));

        duplicates.assertOnlyRecordedGoesOn(
                OrderIntake.PROCESS_ID, "orderId", order.getId(), order.getProcessInstanceKey(), FIRST_STEP, 0);
        SalesOrder after = orders.get(order.getId());
        assertThat(after.getProcessInstanceKey()).isEqualTo(order.getProcessInstanceKey());
        assertThat(after.getReservedAmount()).as("reserved once").isEqualByComparingTo("250.00");
    }

    @Test
    void aProcessOfAnOrderTakenBackBecauseItsStartSeemedToFailEndsUnchecked() {
        SalesOrder takenBack = committedWithoutProcess(scenario.customer("10000"));
        // the engine's answer was lost: placing took the order back, but the engine had started it
        orders.discardUnstarted(takenBack.getId(), "sales", "DEADLINE_EXCEEDED");

        long late = processes.start(OrderIntake.PROCESS_ID, Map.of("orderId", takenBack.getId()));

        duplicates.assertDiscarded(late, FIRST_STEP);
    }

    /** Committed as placing commits it, but the application stopped before it asked the engine. */
    private SalesOrder committedWithoutProcess(Customer customer) {
        return orders.place(
                customer.getId(),
                List.of(new OrderService.NewLine("SKU-1", "Goods", BigDecimal.ONE, new BigDecimal("100.00"))),
                "sales");
    }
}
