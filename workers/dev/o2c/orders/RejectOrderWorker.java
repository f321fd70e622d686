package dev.o2c.orders;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/**
 * reject-order: the order will not be delivered on credit. rejectedBy/rejectionReason, when a step set them (a refused
 * second approval, a prepayment that never came), say who and why; otherwise the reviewer or the policy.
 */
@Component
public class RejectOrderWorker {

    private final OrderService orders;

    RejectOrderWorker(OrderService orders) {
        this.orders = orders;
    }

    @JobWorker(type = "reject-order")
    public void reject(
            @Variable Long orderId,
            @Variable String reviewReason,
            @Variable(name = "reviewComment") String comment,
            @Variable String completedBy,
            @Variable String rejectedBy,
            @Variable String rejectionReason) {
        if (rejectedBy != null) {
            orders.reject(orderId, rejectedBy, rejectionReason);
            return;
        }
        String actor = completedBy == null ? "credit-policy" : completedBy;
        orders.reject(orderId, actor, comment != null ? comment : reviewReason);
    }
}
