package dev.o2c.orders;

import dev.o2c.platform.engine.ProcessCommands;
import dev.o2c.platform.engine.StartSweeps;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Places an order and starts its order-to-cash process, both or neither. The order commits before the process starts,
 * so the process's first workers always find it (started inside the transaction, the credit check could run before the
 * commit and had to wait for a retry); should the engine refuse the start, the order is taken back.
 *
 * <p>Should the application stop between the order's commit and the start (or before it recorded the instance), the
 * order would wait in credit check for ever: the start sweep starts the process of every such order after {@code
 * o2c.orders.start-grace}. The process's first task records its instance on the order (first one wins) and ends any
 * other before the credit is checked, so a start that did get through the first time changes nothing.
 */
@Service
public class OrderIntake {

    public static final String PROCESS_ID = "order-to-cash";

    static final String SWEEP_ACTOR = "system:order-start-sweep";

    private final OrderService orders;
    private final ProcessCommands processes;
    private final Duration reviewSla;
    private final Duration prepaymentWait;
    private final Clock clock;
    private final Duration startGrace;

    OrderIntake(
            OrderService orders,
            ProcessCommands processes,
            @Value("${o2c.credit.review-sla}") Duration reviewSla,
            @Value("${o2c.credit.prepayment-wait:P14D}") Duration prepaymentWait,
            Clock clock,
            @Value("${o2c.orders.start-grace:PT5M}") Duration startGrace) {
        this.orders = orders;
        this.processes = processes;
        this.reviewSla = reviewSla;
        this.prepaymentWait = prepaymentWait;
        this.clock = clock;
        this.startGrace = startGrace;
    }

    public SalesOrder place(long customerId, List<OrderService.NewLine> lines, String placedBy) {
        SalesOrder order = orders.place(customerId, lines, placedBy);
        long processInstanceKey;
        try {
            processInstanceKey = start(order, placedBy);
        } catch (RuntimeException e) {
            orders.discardUnstarted(order.getId(), placedBy, String.valueOf(e.getMessage()));
            throw e;
        }
        orders.recordProcessStart(order.getId(), processInstanceKey);
        order.startedAs(processInstanceKey);
        return order;
    }

    @Scheduled(fixedDelayString = "${o2c.orders.start-sweep:PT1M}", initialDelayString = "PT1M")
    public void startMissed() {
        startMissed(startGrace);
    }

    /**
     * Starts the process of every order still in credit check, placed more than {@code grace} ago, that has no
     * instance recorded; one that fails stays for the next sweep. Returns how many it started.
     */
    int startMissed(Duration grace) {
        return StartSweeps.startEach(
                "order", orders.unstartedPlacedBefore(clock.instant().minus(grace)), SalesOrder::getId, missed -> {
                    long processInstanceKey = start(missed, missed.getPlacedBy());
                    orders.restarting(missed.getId(), SWEEP_ACTOR);
                    orders.recordProcessStart(missed.getId(), processInstanceKey);
                });
    }

    private long start(SalesOrder order, String placedBy) {
        return processes.start(
                PROCESS_ID,
                Map.of(
                        "orderId", order.getId(),
                        "customerId", order.getCustomerId(),
                        "orderAmount", order.getTotalAmount(),
                        "currency", order.getCurrency(),
                        "placedBy", placedBy,
                        "reviewSla", reviewSla.toString(),
                        "prepaymentWait", inDays(prepaymentWait)));
    }

    /** P14D rather than PT336H: the value shows in the rejection reason a person reads. */
    static String inDays(Duration duration) {
        return duration.toSeconds() % 86_400 == 0 ? "P" + duration.toDays() + "D" : duration.toString();
    }
}
