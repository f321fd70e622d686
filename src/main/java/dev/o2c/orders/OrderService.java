package dev.o2c.orders;

import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerRepository;
import dev.o2c.platform.audit.AuditLog;
import dev.o2c.platform.web.ApiProblem;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Order status changes, each an explicit transition with an audit record. */
@Service
public class OrderService {

  static final String ENTITY = "order";

  private final SalesOrderRepository orders;
  private final CustomerRepository customers;
  private final AuditLog audit;
  private final Clock clock;

  OrderService(SalesOrderRepository orders, CustomerRepository customers, AuditLog audit, Clock clock) {
    this.orders = orders;
    this.customers = customers;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public SalesOrder place(long customerId, List<NewLine> lines, String placedBy) {
    Customer customer = customers.findById(customerId)
        .orElseThrow(() -> ApiProblem.invalid("customerId", "no customer with id " + customerId));
    SalesOrder order = new SalesOrder(customerId, customer.getCurrency(), placedBy, clock.instant());
    lines.forEach(line -> order.addLine(line.sku(), line.description(), line.quantity(), line.unitPrice()));
    if (order.getTotalAmount().signum() <= 0) {
      throw ApiProblem.invalid("lines", "the order total must be greater than zero");
    }
    orders.save(order);
    audit.record(placedBy, "ORDER_PLACED", ENTITY, order.getId(),
        order.getTotalAmount() + " " + order.getCurrency() + " in " + lines.size() + " lines", null);
    return order;
  }

  @Transactional
  public void linkProcess(long orderId, long processInstanceKey) {
    get(orderId).startedAs(processInstanceKey);
  }

  @Transactional(readOnly = true)
  public SalesOrder get(long orderId) {
    return orders.findById(orderId).orElseThrow(() -> ApiProblem.notFound("order", orderId));
  }

  @Transactional(readOnly = true)
  public List<SalesOrder> recent() {
    return orders.findTop200ByOrderByIdDesc();
  }

  @Transactional(readOnly = true)
  public List<SalesOrder> inStatus(OrderStatus status) {
    return orders.findByStatusOrderByPlacedAtAsc(status);
  }

  @Transactional(readOnly = true)
  public List<SalesOrder> ofCustomerInStatus(long customerId, OrderStatus status) {
    return orders.findByCustomerIdAndStatusIn(customerId, List.of(status));
  }

  @Transactional
  public void moveToReview(long orderId, String actor, String reason) {
    SalesOrder order = lock(orderId);
    if (order.getStatus() != OrderStatus.CREDIT_REVIEW) {
      order.moveTo(OrderStatus.CREDIT_REVIEW);
      audit.record(actor, "ORDER_IN_CREDIT_REVIEW", ENTITY, orderId, "awaiting credit review", reason);
    }
  }

  @Transactional
  public void moveToReviewIfNot(long orderId, String actor, String reason) {
    SalesOrder order = lock(orderId);
    if (order.getStatus() == OrderStatus.CREDIT_REVIEW) {
      return;
    }
    order.sendBackToReview();
    audit.record(actor, "ORDER_IN_CREDIT_REVIEW", ENTITY, orderId, "awaiting credit review", reason);
  }

  /** Released on prepayment: the order waits for the customer's payment; repeating it changes nothing. */
  @Transactional
  public void awaitPrepayment(long orderId, BigDecimal amount, String actor, String reason) {
    SalesOrder order = lock(orderId);
    if (order.getStatus() != OrderStatus.AWAITING_PREPAYMENT) {
      order.moveTo(OrderStatus.AWAITING_PREPAYMENT);
      audit.record(actor, "ORDER_AWAITING_PREPAYMENT", ENTITY, orderId,
          "released on prepayment of " + amount + " " + order.getCurrency(), reason);
    }
  }

  @Transactional
  public void approve(long orderId, BigDecimal reserved, String actor) {
    SalesOrder order = lock(orderId);
    order.approveWithReservation(reserved);
    audit.record(actor, "CREDIT_RESERVED", ENTITY, orderId, reserved + " " + order.getCurrency() + " reserved", null);
  }

  /** Idempotent: a rejected order stays rejected. */
  @Transactional
  public SalesOrder reject(long orderId, String actor, String reason) {
    SalesOrder order = lock(orderId);
    if (order.getStatus() != OrderStatus.REJECTED) {
      order.moveTo(OrderStatus.REJECTED);
      audit.record(actor, "ORDER_REJECTED", ENTITY, orderId, "order rejected", reason);
    }
    return order;
  }

  /** Records the shipment; repeating it for a shipped order is a no-op so the caller can retry safely. */
  @Transactional
  public SalesOrder ship(long orderId, String actor) {
    SalesOrder order = lock(orderId);
    if (order.getStatus() == OrderStatus.SHIPPED) {
      return order;
    }
    if (order.getStatus() != OrderStatus.APPROVED) {
      throw ApiProblem.conflict("order " + orderId + " is " + order.getStatus() + "; only APPROVED orders ship");
    }
    order.ship(clock.instant());
    audit.record(actor, "ORDER_SHIPPED", ENTITY, orderId, "shipment confirmed", null);
    return order;
  }

  @Transactional
  public void markInvoiced(long orderId, String invoiceNumber) {
    SalesOrder order = lock(orderId);
    if (order.getStatus() != OrderStatus.INVOICED) {
      order.invoice();
      audit.record("system", "ORDER_INVOICED", ENTITY, orderId, "invoice " + invoiceNumber, null);
    }
  }

  @Transactional
  public SalesOrder complete(long orderId) {
    SalesOrder order = lock(orderId);
    if (order.getStatus() != OrderStatus.COMPLETED) {
      order.complete(clock.instant());
      audit.record("system", "ORDER_COMPLETED", ENTITY, orderId, "invoice paid in full", null);
    }
    return order;
  }

  private SalesOrder lock(long orderId) {
    return orders.lockById(orderId).orElseThrow(() -> ApiProblem.notFound("order", orderId));
  }

  public record NewLine(String sku, String description, BigDecimal quantity, BigDecimal unitPrice) {}
}
