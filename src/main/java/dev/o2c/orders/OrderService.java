package dev.o2c.orders;

import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerRepository;
import dev.o2c.platform.audit.AuditLog;
import dev.o2c.platform.money.Amounts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Order status changes, each an explicit transition with an audit record. */
@Service
public class OrderService {

    private static final java.util.Set<OrderStatus> SHIPPED_OR_LATER =
            java.util.EnumSet.of(OrderStatus.SHIPPED, OrderStatus.INVOICED, OrderStatus.COMPLETED);

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
        Customer customer = customers
                .findById(customerId)
                .orElseThrow(() -> new InvalidOrderException("customerId", "no customer with id " + customerId));
        SalesOrder order = new SalesOrder(customerId, customer.getCurrency(), placedBy, clock.instant());
        for (int i = 0; i < lines.size(); i++) {
            NewLine line = lines.get(i);
            order.addLine(line.sku(), line.description(), line.quantity(), line.unitPrice());
            // quantity x price and the running total must stay within what one document may carry (tax comes on top)
            if (!Amounts.withinDocumentLimit(order.getTotalAmount())) {
                throw new InvalidOrderException(
                        "lines[" + i + "]",
                        "brings the order total above the largest amount one order may" + " carry ("
                                + Amounts.MAX_DOCUMENT_AMOUNT.toPlainString() + ")");
            }
        }
        if (order.getTotalAmount().signum() <= 0) {
            throw new InvalidOrderException("lines", "the order total must be greater than zero");
        }
        orders.save(order);
        audit.record(
                placedBy,
                "ORDER_PLACED",
                ENTITY,
                order.getId(),
                order.getTotalAmount() + " " + order.getCurrency() + " in " + lines.size() + " lines",
                null);
        return order;
    }

    /**
     * The order's process has started: remembered on the order, once. True when the order has this instance (now or
     * already); false when it has another, or is gone (taken back because its start seemed to fail): that instance
     * must end before the order's credit is checked.
     */
    @Transactional
    public boolean recordProcessStart(long orderId, long processInstanceKey) {
        return orders.recordProcessInstance(orderId, processInstanceKey) == 1
                || orders.findById(orderId)
                        .map(order -> Long.valueOf(processInstanceKey).equals(order.getProcessInstanceKey()))
                        .orElse(false);
    }

    /** Orders still in credit check whose process never got recorded, placed before {@code before}: for the sweep. */
    @Transactional(readOnly = true)
    public List<SalesOrder> unstartedPlacedBefore(Instant before) {
        return orders.findUnstartedPlacedBefore(before);
    }

    /** The sweep is starting the process of an order whose first start left no trace: audited. */
    @Transactional
    public void restarting(long orderId, String actor) {
        audit.record(actor, "ORDER_PROCESS_RESTARTED", ENTITY, orderId, "its process had not been recorded", null);
    }

    /**
     * The engine did not take the order's process, so the order is taken back: nothing refers to it yet, and a client
     * told that placing failed must not find it placed later.
     */
    @Transactional
    public void discardUnstarted(long orderId, String actor, String why) {
        orders.findById(orderId)
                .filter(order -> order.getProcessInstanceKey() == null && order.getStatus() == OrderStatus.CREDIT_CHECK)
                .ifPresent(order -> {
                    orders.delete(order);
                    audit.record(actor, "ORDER_DISCARDED", ENTITY, orderId, "its process did not start: " + why, null);
                });
    }

    @Transactional(readOnly = true)
    public SalesOrder get(long orderId) {
        return orders.findById(orderId).orElseThrow(() -> new OrderNotFoundException("order", orderId));
    }

    /** The customer of each given order that exists, in one query (for lists of other records that name orders). */
    @Transactional(readOnly = true)
    public Map<Long, Long> customersOf(Collection<Long> orderIds) {
        Map<Long, Long> customers = new HashMap<>();
        orders.findAllById(orderIds).forEach(order -> customers.put(order.getId(), order.getCustomerId()));
        return customers;
    }

    @Transactional(readOnly = true)
    public List<SalesOrder> recent() {
        return orders.findTop200ByOrderByIdDesc();
    }

    /** Orders waiting for a credit decision by a person, the longest waiting first. */
    @Transactional(readOnly = true)
    public List<SalesOrder> inCreditReview() {
        return orders.findByStatusOrderByPlacedAtAsc(OrderStatus.CREDIT_REVIEW);
    }

    /** Credit reserved by one customer's approved orders not yet invoiced. */
    @Transactional(readOnly = true)
    public BigDecimal reservedFor(long customerId) {
        return orders.reservedFor(customerId);
    }

    /** Credit reserved by approved orders not yet invoiced, per customer that has any. */
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> reservedByCustomer() {
        Map<Long, BigDecimal> reserved = new TreeMap<>();
        orders.reservedByCustomer().forEach(row -> reserved.put(row.getCustomerId(), row.getAmount()));
        return reserved;
    }

    @Transactional(readOnly = true)
    public List<SalesOrder> ofCustomerInStatus(long customerId, OrderStatus status) {
        return orders.findByCustomerIdAndStatus(customerId, status);
    }

    /**
     * The customers' orders waiting on a credit decision: in credit review, or released on prepayment not yet paid. One
     * read for many customers (the payments of a statement's batch).
     */
    @Transactional(readOnly = true)
    public List<SalesOrder> ofCustomersWaitingOnCredit(java.util.Collection<Long> customerIds) {
        return customerIds.isEmpty() ? List.of() : orders.findWaitingOnCredit(customerIds);
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
            audit.record(
                    actor,
                    "ORDER_AWAITING_PREPAYMENT",
                    ENTITY,
                    orderId,
                    "released on prepayment of " + amount + " " + order.getCurrency(),
                    reason);
        }
    }

    @Transactional
    public void approve(long orderId, BigDecimal reserved, String actor) {
        SalesOrder order = lock(orderId);
        order.approveWithReservation(reserved);
        audit.record(
                actor, "CREDIT_RESERVED", ENTITY, orderId, reserved + " " + order.getCurrency() + " reserved", null);
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

    /**
     * Records the shipment; repeating it for an order that shipped is a no-op so the caller can retry safely, also
     * when the invoice was issued meanwhile (the engine may be that quick).
     */
    @Transactional
    public SalesOrder ship(long orderId, String actor) {
        SalesOrder order = lock(orderId);
        if (SHIPPED_OR_LATER.contains(order.getStatus())) {
            return order;
        }
        if (order.getStatus() != OrderStatus.APPROVED) {
            throw new IllegalOrderTransitionException(
                    "order " + orderId + " is " + order.getStatus() + "; only APPROVED orders ship");
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
        return orders.lockById(orderId).orElseThrow(() -> new OrderNotFoundException("order", orderId));
    }

    public record NewLine(String sku, String description, BigDecimal quantity, BigDecimal unitPrice) {}
}
