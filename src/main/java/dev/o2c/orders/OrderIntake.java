package dev.o2c.orders;

import dev.o2c.platform.engine.ProcessCommands;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Places an order and starts its order-to-cash process, both or neither. The order commits before the process starts,
 * so the process's first workers always find it (started inside the transaction, the credit check could run before the
 * commit and had to wait for a retry); should the engine refuse the start, the order is taken back.
 */
@Service
public class OrderIntake {

    public static final String PROCESS_ID = "order-to-cash";

    private final OrderService orders;
    private final ProcessCommands processes;
    private final Duration reviewSla;
    private final Duration prepaymentWait;

    OrderIntake(
            OrderService orders,
            ProcessCommands processes,
            @Value("${o2c.credit.review-sla}") Duration reviewSla,
            @Value("${o2c.credit.prepayment-wait:P14D}") Duration prepaymentWait) {
        this.orders = orders;
        this.processes = processes;
        this.reviewSla = reviewSla;
        this.prepaymentWait = prepaymentWait;
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
