package dev.o2c.orders;

import dev.o2c.platform.engine.ProcessCommands;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The warehouse says the goods left: record it and let the order's process go on to invoicing. */
@Service
public class ShipmentConfirmation {

    public static final String ORDER_SHIPPED = "order-shipped";

    private final OrderService orders;
    private final ProcessCommands processes;

    ShipmentConfirmation(OrderService orders, ProcessCommands processes) {
        this.orders = orders;
        this.processes = processes;
    }

    /** Repeating it is harmless: the order stays shipped and the message id makes the engine ignore the copy. */
    @Transactional
    public SalesOrder confirm(long orderId, String actor) {
        SalesOrder order = orders.ship(orderId, actor);
        processes.publishAfterCommit(ORDER_SHIPPED, String.valueOf(orderId), "shipment-" + orderId, Map.of());
        return order;
    }
}
