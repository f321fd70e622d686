package dev.o2c.orders;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** complete-order: the invoice is paid in full; the order is done. */
@Component
public class CompleteOrderWorker {

    private final OrderService orders;

    CompleteOrderWorker(OrderService orders) {
        this.orders = orders;
    }

    @JobWorker(type = "complete-order")
    public void complete(@Variable Long orderId) {
        orders.complete(orderId);
    }
}
