package dev.o2c.support;

import dev.o2c.orders.OrderService;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * Orders placed without their process, for tests that drive the credit steps themselves. The order start sweep would
 * start a process for each one still in credit check once a later test moves the clock past its grace period, so a
 * test rejects what is left of them when it ends ({@link #rejectLeftOver}).
 */
@Component
public class ProcesslessOrders {

    private final OrderService orders;
    private final List<Long> placed = new CopyOnWriteArrayList<>();

    ProcesslessOrders(OrderService orders) {
        this.orders = orders;
    }

    public SalesOrder place(long customerId, String description, String amount) {
        SalesOrder order = orders.place(
                customerId,
                List.of(new OrderService.NewLine("SKU", description, BigDecimal.ONE, new BigDecimal(amount))),
                "sales");
        placed.add(order.getId());
        return order;
    }

    /** Rejects the orders placed so far that still wait in credit check. */
    public void rejectLeftOver() {
        for (long orderId : placed) {
            if (orders.get(orderId).getStatus() == OrderStatus.CREDIT_CHECK) {
                orders.reject(orderId, "test", "placed without a process for a test");
            }
        }
        placed.clear();
    }
}
