package dev.o2c.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.o2c.customers.Customer;
import dev.o2c.platform.audit.AuditRecord;
import dev.o2c.platform.audit.AuditRepository;
import dev.o2c.platform.engine.ProcessCommands;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;

/** The order commits before its process starts, and an order whose process the engine refused is not left behind. */
@IntegrationTest
class OrderIntakeTest {

    @Autowired
    Scenario scenario;

    @Autowired
    OrderService orders;

    /** The application's own intake, with its transaction handling; only the engine is swapped for a moment. */
    @Autowired
    OrderIntake intake;

    @Autowired
    SalesOrderRepository orderRows;

    @Autowired
    AuditRepository audit;

    @Test
    void theOrderIsCommittedBeforeItsProcessStartsSoTheFirstWorkerFindsIt() throws Exception {
        Customer customer = scenario.customer("10000");
        AtomicBoolean visibleToTheProcess = new AtomicBoolean();
        ProcessCommands engine = mock(ProcessCommands.class);
        when(engine.start(eq(OrderIntake.PROCESS_ID), any())).thenAnswer(call -> {
            Map<String, Object> variables = call.getArgument(1);
            long orderId = (Long) variables.get("orderId");
            // a worker reads on its own connection: it sees only what is committed
            Thread reader = Thread.ofVirtual().start(() -> visibleToTheProcess.set(orderRows.existsById(orderId)));
            reader.join();
            return 4711L;
        });

        SalesOrder order = withEngine(
                engine,
                () -> intake.place(
                        customer.getId(),
                        List.of(new OrderService.NewLine("SKU-1", "Goods", BigDecimal.ONE, new BigDecimal("50.00"))),
                        "sales"));

        assertThat(visibleToTheProcess).isTrue();
        assertThat(order.getProcessInstanceKey()).isEqualTo(4711L);
        assertThat(orders.get(order.getId()).getProcessInstanceKey()).isEqualTo(4711L);
    }

    @Test
    void theFirstRecordedProcessInstanceKeyStaysThroughLaterChanges() {
        Customer customer = scenario.customer("10000");
        SalesOrder order = scenario.awaitStatus(scenario.order(customer, "100.00"), OrderStatus.APPROVED);

        orders.recordProcessStart(order.getId(), 1L);
        orders.ship(order.getId(), "sales");

        SalesOrder shipped = orders.get(order.getId());
        assertThat(shipped.getProcessInstanceKey()).isEqualTo(order.getProcessInstanceKey());
        assertThat(shipped.getStatus()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void anOrderWhoseProcessTheEngineRefusedIsTakenBackAndAudited() {
        Customer customer = scenario.customer("10000");
        ProcessCommands refusing = mock(ProcessCommands.class);
        when(refusing.start(eq(OrderIntake.PROCESS_ID), any())).thenThrow(new IllegalStateException("engine away"));

        assertThatThrownBy(() -> withEngine(
                        refusing,
                        () -> intake.place(
                                customer.getId(),
                                List.of(new OrderService.NewLine(
                                        "SKU-1", "Goods", BigDecimal.ONE, new BigDecimal("50.00"))),
                                "sales")))
                .hasMessage("engine away");

        assertThat(orderRows.findAll()).noneMatch(order -> order.getCustomerId().equals(customer.getId()));
        List<AuditRecord> discarded = audit.findByActionOrderByIdAsc("ORDER_DISCARDED");
        assertThat(discarded).last().satisfies(record -> assertThat(record.getDetails())
                .contains("engine away"));
    }

    private <T> T withEngine(ProcessCommands engine, Supplier<T> action) {
        OrderIntake target = AopTestUtils.getUltimateTargetObject(intake);
        Object real = ReflectionTestUtils.getField(target, "processes");
        ReflectionTestUtils.setField(target, "processes", engine);
        try {
            return action.get();
        } finally {
            ReflectionTestUtils.setField(target, "processes", real);
        }
    }
}
