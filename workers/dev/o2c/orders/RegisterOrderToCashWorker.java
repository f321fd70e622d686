package dev.o2c.orders;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
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
        if (!orders.recordProcessStart(orderId, job.getProcessInstanceKey())) {
            throw CamundaError.bpmnError(
                    "DUPLICATE_START",
                    "order " + orderId + " already has another order-to-cash instance or was taken back");
        }
    }
}
