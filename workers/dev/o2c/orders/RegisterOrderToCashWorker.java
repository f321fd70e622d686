package dev.o2c.orders;

import dev.o2c.platform.engine.DuplicateStart;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * register-order-to-cash: records this instance on its order. An order that already has another instance, or was
 * taken back because its start seemed to fail, ends this one (BPMN error DUPLICATE_START) before its credit is checked.
 */
@Component
public class RegisterOrderToCashWorker {

    private final OrderService orders;

    RegisterOrderToCashWorker(OrderService orders) {
        this.orders = orders;
    }

    @JobWorker(type = "register-order-to-cash")
    public void register(@Variable long orderId, ActivatedJob job) {
        DuplicateStart.unlessRecorded(
                orders.recordProcessStart(orderId, job.getProcessInstanceKey()), "order " + orderId, "order-to-cash");
    }
}
