package dev.o2c.credit;

import dev.o2c.orders.OrderService;
import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.Groups;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The recorded approvals after credit review: who granted how much beyond the limit, with which authority, why. */
@RestController
@RequestMapping("/api")
@Allowed({Groups.CREDIT_ANALYSTS, Groups.CREDIT_MANAGERS, Groups.SALES, Groups.OPERATORS})
class CreditApprovalController {

    private final CreditReviews reviews;
    private final OrderService orders;

    CreditApprovalController(CreditReviews reviews, OrderService orders) {
        this.reviews = reviews;
        this.orders = orders;
    }

    @GetMapping("/orders/{id}/credit-approvals")
    List<ApprovalView> ofOrder(@PathVariable long id) {
        orders.get(id);
        return reviews.forOrder(id).stream().map(ApprovalView::of).toList();
    }

    @GetMapping("/customers/{id}/credit-approvals")
    List<ApprovalView> ofCustomer(@PathVariable long id) {
        return reviews.forCustomer(id).stream().map(ApprovalView::of).toList();
    }

    record ApprovalView(
            long id,
            long orderId,
            long customerId,
            String decision,
            String status,
            String approvedBy,
            String secondApprovedBy,
            String authorityGroup,
            String authority,
            boolean secondApproverRequired,
            String currency,
            BigDecimal orderAmount,
            BigDecimal creditLimit,
            BigDecimal exposure,
            BigDecimal amountOverLimit,
            BigDecimal authorisedOverLimit,
            BigDecimal reservedOverLimit,
            BigDecimal newCreditLimit,
            BigDecimal prepaymentAmount,
            Long prepaymentPaymentId,
            String reason,
            Instant decidedAt,
            Instant usedAt) {

        static ApprovalView of(CreditApproval a) {
            return new ApprovalView(
                    a.getId(),
                    a.getOrderId(),
                    a.getCustomerId(),
                    a.getDecision().name(),
                    a.getStatus().name(),
                    a.getApprovedBy(),
                    a.getSecondApprovedBy(),
                    a.getAuthorityGroup(),
                    a.getAuthority(),
                    a.isSecondApproverRequired(),
                    a.getCurrency(),
                    a.getOrderAmount(),
                    a.getCreditLimit(),
                    a.getExposure(),
                    a.getAmountOverLimit(),
                    a.getAuthorisedOverLimit(),
                    a.getReservedOverLimit(),
                    a.getNewCreditLimit(),
                    a.getPrepaymentAmount(),
                    a.getPrepaymentPaymentId(),
                    a.getReason(),
                    a.getDecidedAt(),
                    a.getUsedAt());
        }
    }
}
