package dev.o2c.orders;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** reject-order: the order will not be delivered on credit. */
@Component
public class RejectOrderWorker {

  private final OrderService orders;

  RejectOrderWorker(OrderService orders) {
    this.orders = orders;
  }

  @JobWorker(type = "reject-order")
  public void reject(@Variable Long orderId, @Variable String reviewReason, @Variable(name = "reviewComment") String comment,
      @Variable String completedBy) {
    String actor = completedBy == null ? "credit-policy" : completedBy;
    orders.reject(orderId, actor, comment != null ? comment : reviewReason);
  }
}
