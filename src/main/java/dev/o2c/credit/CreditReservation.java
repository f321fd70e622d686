package dev.o2c.credit;

import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerRepository;
import dev.o2c.orders.OrderService;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.platform.audit.AuditLog;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves an order's amount against the customer's credit limit. The customer row is locked for the check and the
 * reservation, so concurrent orders of one customer are approved one after the other and never beyond the limit,
 * except by as much as a recorded, authorised approval allows for that order.
 */
@Service
public class CreditReservation {

    private final CustomerRepository customers;
    private final OrderService orders;
    private final CreditExposure exposure;
    private final CreditApprovalRepository approvals;
    private final AuditLog audit;
    private final Clock clock;

    CreditReservation(
            CustomerRepository customers,
            OrderService orders,
            CreditExposure exposure,
            CreditApprovalRepository approvals,
            AuditLog audit,
            Clock clock) {
        this.customers = customers;
        this.orders = orders;
        this.exposure = exposure;
        this.approvals = approvals;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Result reserve(long orderId, String actor) {
        return reserve(orderId, actor, null);
    }

    /**
     * With {@code approvalId} (a reviewer's authorised approval of this order) the reservation may go beyond the
     * available credit by at most what the approval authorised; the excess is recorded on the approval and audited. An
     * approval is used once: when the excess has grown beyond it meanwhile, it lapses and the order goes back to review.
     */
    @Transactional
    public Result reserve(long orderId, String actor, Long approvalId) {
        SalesOrder order = orders.get(orderId);
        Customer customer = customers
                .lockById(order.getCustomerId())
                .orElseThrow(() -> new CreditNotFoundException("customer", order.getCustomerId()));
        if (order.getStatus().holdsReservation()
                || order.getStatus() == OrderStatus.INVOICED
                || order.getStatus() == OrderStatus.COMPLETED) {
            return new Result(true, order.getReservedAmount(), exposure.available(customer), null);
        }
        BigDecimal amount = order.getTotalAmount();
        BigDecimal available = exposure.available(customer);
        BigDecimal over = CreditExposure.overLimit(amount, available);
        Optional<CreditApproval> approval = Optional.ofNullable(approvalId)
                .flatMap(approvals::lockById)
                .filter(found -> found.getOrderId().equals(orderId))
                .filter(found -> found.getStatus() == CreditApproval.Status.AUTHORISED);
        if (over.signum() == 0) {
            orders.approve(orderId, amount, actor);
            approval.ifPresent(used -> used.used(BigDecimal.ZERO, clock.instant()));
            return new Result(true, amount, available.subtract(amount), null);
        }
        if (approval.isPresent() && over.compareTo(approval.get().getAuthorisedOverLimit()) <= 0) {
            CreditApproval used = approval.get();
            orders.approve(orderId, amount, used.approvers());
            used.used(over, clock.instant());
            audit.record(
                    used.approvers(),
                    "CREDIT_LIMIT_OVERRIDE",
                    "order",
                    orderId,
                    amount + " " + order.getCurrency()
                            + " reserved, " + over + " over the available credit of " + available + " (limit "
                            + customer.getCreditLimit() + "); authority " + used.getAuthorityGroup() + ": "
                            + used.getAuthority()
                            + "; approval " + used.getId(),
                    used.getReason());
            return new Result(true, amount, available.subtract(amount), null);
        }
        String refusal;
        if (approval.isPresent()) {
            CreditApproval lapsed = approval.get();
            lapsed.lapsed(clock.instant());
            refusal = "Approved " + lapsed.getAuthorisedOverLimit() + " over the limit by " + lapsed.approvers()
                    + ", but the order is now " + over + " over (available credit " + available
                    + "): other orders took credit"
                    + " meanwhile";
            audit.record("system", "CREDIT_APPROVAL_LAPSED", "order", orderId, refusal, lapsed.getReason());
        } else {
            refusal = "Available credit " + available + " no longer covers the order (" + over + " over the limit)";
        }
        orders.moveToReviewIfNot(orderId, actor, "credit limit exceeded at reservation: " + refusal);
        return new Result(false, BigDecimal.ZERO, available, refusal);
    }

    /** {@code refusal} says why nothing was reserved (null when reserved). */
    public record Result(boolean reserved, BigDecimal reservedAmount, BigDecimal availableAfter, String refusal) {}
}
