package dev.o2c.credit;

import dev.o2c.credit.CreditApproval.Decision;
import dev.o2c.credit.CreditApproval.Status;
import dev.o2c.credit.CreditDecision.Outcome;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.orders.OrderService;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.payments.Payment;
import dev.o2c.payments.PaymentService;
import dev.o2c.platform.audit.AuditLog;
import dev.o2c.platform.engine.ProcessCommands;
import dev.o2c.platform.errors.NotPermittedException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a credit review decides and with whose authority: an authorised override, a permanent limit raise or a release
 * on prepayment is recorded as a {@link CreditApproval}; the reservation then goes as far beyond the available credit
 * as that approval allows, and no further.
 */
@Service
public class CreditReviews {

    public static final String PREPAYMENT_RECEIVED = "prepayment-received";
    static final String ENTITY = "order";

    private final OrderService orders;
    private final CustomerService customers;
    private final CreditExposure exposure;
    private final ApprovalAuthority authority;
    private final CreditApprovalRepository approvals;
    private final CreditDecisions decisions;
    private final PaymentService payments;
    private final ProcessCommands processes;
    private final AuditLog audit;
    private final Clock clock;

    CreditReviews(
            OrderService orders,
            CustomerService customers,
            CreditExposure exposure,
            ApprovalAuthority authority,
            CreditApprovalRepository approvals,
            CreditDecisions decisions,
            PaymentService payments,
            ProcessCommands processes,
            AuditLog audit,
            Clock clock) {
        this.orders = orders;
        this.customers = customers;
        this.exposure = exposure;
        this.authority = authority;
        this.approvals = approvals;
        this.decisions = decisions;
        this.payments = payments;
        this.processes = processes;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The authority the choice needs on today's figures. {@code strict} (the reviewer is completing the form) refuses
     * a choice that makes no sense with a 400 naming the field; when recording afterwards the figures may have moved a
     * little, and the reservation is what catches that.
     */
    @Transactional(readOnly = true)
    public Assessment assess(long orderId, ReviewChoice choice, boolean strict) {
        SalesOrder order = orders.get(orderId);
        Customer customer = customers.get(order.getCustomerId());
        BigDecimal amount = order.getTotalAmount();
        BigDecimal exposureNow = exposure.of(customer.getId());
        BigDecimal limit = customer.getCreditLimit();
        BigDecimal over = CreditExposure.overLimit(amount, limit.subtract(exposureNow));
        BigDecimal granted;
        BigDecimal ceiling;
        switch (choice.outcome()) {
            case APPROVE -> {
                granted = over;
                ceiling = over;
            }
            case APPROVE_RAISE_LIMIT -> {
                BigDecimal newLimit = choice.newCreditLimit();
                BigDecimal stillOver = CreditExposure.overLimit(amount, newLimit.subtract(exposureNow));
                if (strict && newLimit.compareTo(limit) <= 0) {
                    throw new InvalidCreditException(
                            "newCreditLimit",
                            "must be above the current limit of " + limit + " " + customer.getCurrency());
                }
                if (strict && stillOver.signum() > 0) {
                    throw new InvalidCreditException(
                            "newCreditLimit",
                            "a limit of " + newLimit + " leaves the order " + stillOver
                                    + " over the available credit; at least " + limit.add(over)
                                    + " covers it (or approve as an override)");
                }
                // a raise of X is judged like granting X beyond the limit: it lasts beyond this order
                granted = newLimit.subtract(limit).max(BigDecimal.ZERO);
                ceiling = BigDecimal.ZERO;
            }
            case PREPAYMENT -> {
                BigDecimal prepayment = choice.prepaymentAmount();
                if (strict && prepayment.compareTo(amount) > 0) {
                    throw new InvalidCreditException(
                            "prepaymentAmount",
                            "cannot be more than the order amount of " + amount + " " + order.getCurrency());
                }
                // what the prepayment does not cover is credit beyond the limit; the reservation may still need all of
                // the excess when the money stays unapplied (exposure counts open invoices and reservations, not cash)
                granted = over.subtract(prepayment).max(BigDecimal.ZERO);
                ceiling = over;
            }
            default -> {
                granted = BigDecimal.ZERO;
                ceiling = BigDecimal.ZERO;
            }
        }
        return new Assessment(
                orderId,
                customer.getId(),
                order.getCurrency(),
                amount,
                limit,
                exposureNow,
                customer.riskClass().name(),
                over,
                choice,
                granted,
                ceiling,
                authority.required(amount, granted, customer.riskClass().name()));
    }

    /** The group a review goes to: the policy's, or higher when approving the order as it stands needs more. */
    @Transactional(readOnly = true)
    public String reviewGroupFor(long orderId, String policyGroup) {
        String needed = assess(orderId, ReviewChoice.approve("routing"), false)
                .required()
                .group();
        return AuthorityTable.RANKS.indexOf(needed) > AuthorityTable.RANKS.indexOf(policyGroup) ? needed : policyGroup;
    }

    /**
     * Records the reviewer's decision once per key: the documented decision, and for anything but a rejection the
     * approval with the authority it needs (still awaiting a second approver when the table says so).
     */
    @Transactional
    public Optional<CreditApproval> recordReview(
            long orderId, ReviewChoice choice, String reviewer, String idempotencyKey) {
        Optional<CreditApproval> earlier = approvals.findByIdempotencyKey(idempotencyKey);
        if (earlier.isPresent()) {
            return earlier;
        }
        if (choice.outcome() == ReviewChoice.Outcome.REJECT) {
            decisions.recordReview(orderId, Outcome.REJECT, choice.comment(), reviewer, idempotencyKey);
            return Optional.empty();
        }
        Assessment assessment = assess(orderId, choice, false);
        CreditApproval approval = approvals.save(
                new CreditApproval(assessment, reviewer, choice.comment(), clock.instant(), idempotencyKey));
        // the reviewer's words are the reason; a raise or a prepayment says what it was in front of them
        String reason = choice.outcome() == ReviewChoice.Outcome.APPROVE
                ? choice.comment()
                : cap(choice.describe(assessment.currency()) + ": " + choice.comment());
        decisions.recordReview(orderId, Outcome.APPROVE, reason, assessment.describe(), reviewer, idempotencyKey);
        audit.record(
                reviewer,
                "CREDIT_APPROVAL_" + approval.getDecision(),
                ENTITY,
                orderId,
                describe(approval)
                        + (approval.isSecondApproverRequired()
                                ? "; awaits a second approver of " + approval.getAuthorityGroup()
                                : ""),
                choice.comment());
        return Optional.of(approval);
    }

    /** The second of four eyes: confirms or refuses; once decided, repeating it changes nothing. */
    @Transactional
    public CreditApproval recordSecondApproval(long approvalId, boolean confirmed, String approver, String comment) {
        CreditApproval approval = approvals
                .lockById(approvalId)
                .orElseThrow(() -> new CreditNotFoundException("credit approval", approvalId));
        if (approval.getStatus() != Status.AWAITING_SECOND_APPROVAL) {
            return approval;
        }
        if (approver.equals(approval.getApprovedBy())) {
            throw new NotPermittedException(
                    "four eyes: " + approver + " made the first approval of order " + approval.getOrderId());
        }
        approval.secondApproval(confirmed, approver, comment, clock.instant());
        audit.record(
                approver,
                confirmed ? "CREDIT_APPROVAL_CONFIRMED" : "CREDIT_APPROVAL_REFUSED",
                ENTITY,
                approval.getOrderId(),
                "second approval of " + describe(approval),
                comment);
        if (!confirmed) {
            decisions.recordReview(
                    approval.getOrderId(),
                    Outcome.REJECT,
                    cap("second approval refused: " + comment),
                    approver,
                    "second-approval-" + approvalId);
        }
        return approval;
    }

    /** Approve and raise the limit: the customer's limit changes for good, once, under the approvers' names. */
    @Transactional
    public CreditApproval raiseLimit(long approvalId) {
        CreditApproval approval = authorised(approvalId, Decision.APPROVE_RAISE_LIMIT);
        if (approval.getLimitRaisedAt() == null) {
            customers.changeCreditLimit(
                    approval.getCustomerId(),
                    approval.getNewCreditLimit(),
                    approval.approvers(),
                    "raised with the approval of order " + approval.getOrderId() + " (" + approval.getAuthority()
                            + "): " + approval.getReason());
            approval.limitRaised(clock.instant());
        }
        return approval;
    }

    /** Release on prepayment: the order waits; a payment already posted since the decision counts at once. */
    @Transactional
    public CreditApproval awaitPrepayment(long approvalId) {
        CreditApproval approval = authorised(approvalId, Decision.PREPAYMENT);
        orders.awaitPrepayment(
                approval.getOrderId(), approval.getPrepaymentAmount(), approval.approvers(), approval.getReason());
        if (approval.getPrepaymentPaymentId() == null) {
            payments.recentOf(approval.getCustomerId(), 20).reversed().stream()
                    .filter(payment -> !payment.getPostedAt().isBefore(approval.getDecidedAt()))
                    .filter(payment -> !approvals.existsByPrepaymentPaymentId(payment.getId()))
                    .filter(payment -> payment.getAmount().compareTo(approval.getPrepaymentAmount()) >= 0)
                    .findFirst()
                    .ifPresent(payment -> paid(approval, payment));
        }
        return approval;
    }

    /**
     * A payment was posted: the customer's oldest order waiting for a prepayment it covers (one payment, at least the
     * stated amount, posted after the decision) is told so. A payment releases one order at most.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Long> releaseOnPayment(long paymentId, long customerId) {
        List<SalesOrder> waiting = orders.ofCustomerInStatus(customerId, OrderStatus.AWAITING_PREPAYMENT).stream()
                .sorted(Comparator.comparing(SalesOrder::getId))
                .toList();
        if (waiting.isEmpty() || approvals.existsByPrepaymentPaymentId(paymentId)) {
            return Optional.empty();
        }
        Payment payment = payments.get(paymentId);
        for (SalesOrder order : waiting) {
            Optional<CreditApproval> open = approvals.findByOrderIdOrderByIdAsc(order.getId()).stream()
                    .filter(approval -> approval.getDecision() == Decision.PREPAYMENT)
                    .filter(approval -> approval.getStatus() == Status.AUTHORISED)
                    .reduce((first, second) -> second);
            if (open.isEmpty()) {
                continue;
            }
            CreditApproval approval = approvals.lockById(open.get().getId()).orElseThrow();
            if (approval.getPrepaymentPaymentId() == null
                    && payment.getAmount().compareTo(approval.getPrepaymentAmount()) >= 0
                    && !payment.getPostedAt().isBefore(approval.getDecidedAt())) {
                paid(approval, payment);
                return Optional.of(order.getId());
            }
        }
        return Optional.empty();
    }

    private void paid(CreditApproval approval, Payment payment) {
        approval.paidBy(payment.getId());
        audit.record(
                "system",
                "PREPAYMENT_RECEIVED",
                ENTITY,
                approval.getOrderId(),
                "payment " + payment.getId()
                        + " of " + payment.getAmount() + " " + payment.getCurrency() + " covers the prepayment of "
                        + approval.getPrepaymentAmount(),
                null);
        processes.publishAfterCommit(
                PREPAYMENT_RECEIVED,
                String.valueOf(approval.getOrderId()),
                "prepayment-" + approval.getId(),
                Map.of("prepaymentId", payment.getId()));
    }

    @Transactional(readOnly = true)
    public Optional<CreditApproval> find(long approvalId) {
        return approvals.findById(approvalId);
    }

    @Transactional(readOnly = true)
    public List<CreditApproval> forOrder(long orderId) {
        return approvals.findByOrderIdOrderByIdAsc(orderId);
    }

    @Transactional(readOnly = true)
    public List<CreditApproval> forCustomer(long customerId) {
        return approvals.findByCustomerIdOrderByIdAsc(customerId);
    }

    private CreditApproval authorised(long approvalId, Decision decision) {
        CreditApproval approval = approvals
                .lockById(approvalId)
                .orElseThrow(() -> new CreditNotFoundException("credit approval", approvalId));
        if (approval.getDecision() != decision) {
            throw new IllegalStateException(
                    "approval " + approvalId + " is " + approval.getDecision() + ", not " + decision);
        }
        if (approval.getStatus() == Status.AWAITING_SECOND_APPROVAL || approval.getStatus() == Status.REFUSED) {
            throw new IllegalStateException("approval " + approvalId + " is " + approval.getStatus());
        }
        return approval;
    }

    /** Reasons are stored in 1,000 characters; a prefix must not push the reviewer's words over. */
    static String cap(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    static String describe(CreditApproval approval) {
        String what =
                switch (approval.getDecision()) {
                    case APPROVE -> "override";
                    case APPROVE_RAISE_LIMIT ->
                        "limit raise to " + approval.getNewCreditLimit() + " " + approval.getCurrency();
                    case PREPAYMENT ->
                        "release on prepayment of " + approval.getPrepaymentAmount() + " " + approval.getCurrency();
                };
        return what + " of order " + approval.getOrderId() + " (" + approval.getOrderAmount() + " "
                + approval.getCurrency() + ", limit " + approval.getCreditLimit() + ", exposure "
                + approval.getExposure()
                + ", " + approval.getAmountOverLimit() + " beyond the limit) by " + approval.approvers()
                + " with authority "
                + approval.getAuthorityGroup() + ": " + approval.getAuthority();
    }

    /** The figures a review decision was judged on and the authority it needs. */
    public record Assessment(
            long orderId,
            long customerId,
            String currency,
            BigDecimal orderAmount,
            BigDecimal creditLimit,
            BigDecimal exposure,
            String riskClass,
            BigDecimal overLimit,
            ReviewChoice choice,
            BigDecimal granted,
            BigDecimal authorisedOverLimit,
            AuthorityTable.Required required) {

        String describe() {
            return "manual review: " + choice.outcome() + ", order " + orderAmount + " " + currency + ", limit "
                    + creditLimit + ", exposure " + exposure + ", over the limit " + overLimit
                    + ", granted beyond the limit "
                    + granted + ", authority " + required.group() + (required.secondApprover() ? " (four eyes)" : "");
        }
    }
}
