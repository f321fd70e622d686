package dev.o2c.credit;

import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerRepository;
import dev.o2c.orders.OrderService;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.platform.web.ApiProblem;
import java.math.BigDecimal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves an order's amount against the customer's credit limit. The customer row is locked for the check and the
 * reservation, so concurrent orders of one customer are approved one after the other and never beyond the limit.
 */
@Service
public class CreditReservation {

  private final CustomerRepository customers;
  private final OrderService orders;
  private final CreditExposure exposure;

  CreditReservation(CustomerRepository customers, OrderService orders, CreditExposure exposure) {
    this.customers = customers;
    this.orders = orders;
    this.exposure = exposure;
  }

  @Transactional
  public Result reserve(long orderId, String actor) {
    SalesOrder order = orders.get(orderId);
    Customer customer = customers.lockById(order.getCustomerId())
        .orElseThrow(() -> ApiProblem.notFound("customer", order.getCustomerId()));
    if (order.getStatus().holdsReservation() || order.getStatus() == OrderStatus.INVOICED
        || order.getStatus() == OrderStatus.COMPLETED) {
      return new Result(true, order.getReservedAmount(), exposure.available(customer));
    }
    BigDecimal available = exposure.available(customer);
    if (order.getTotalAmount().compareTo(available) > 0) {
      orders.moveToReviewIfNot(orderId, actor, "credit limit exceeded at reservation: available " + available);
      return new Result(false, BigDecimal.ZERO, available);
    }
    orders.approve(orderId, order.getTotalAmount(), actor);
    return new Result(true, order.getTotalAmount(), available.subtract(order.getTotalAmount()));
  }

  public record Result(boolean reserved, BigDecimal reservedAmount, BigDecimal availableAfter) {}
}
