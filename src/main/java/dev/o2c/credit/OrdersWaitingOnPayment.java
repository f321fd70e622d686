package dev.o2c.credit;

import dev.o2c.orders.OrderService;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.payments.PaymentPosted;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Money in may move the customer's orders that wait on credit: an order released on prepayment may be waiting for
 * exactly this payment, and an order in credit review is checked again. Both are found with one read after the posting
 * committed; almost every payment finds none, and then that read is all it costs (a statement posts thousands).
 */
@Component
class OrdersWaitingOnPayment {

    private static final Logger log = LoggerFactory.getLogger(OrdersWaitingOnPayment.class);

    private final OrderService orders;
    private final CreditReviews reviews;
    private final CreditRecheck recheck;

    OrdersWaitingOnPayment(OrderService orders, CreditReviews reviews, CreditRecheck recheck) {
        this.orders = orders;
        this.reviews = reviews;
        this.recheck = recheck;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onPaymentPosted(PaymentPosted posted) {
        List<SalesOrder> waiting = orders.ofCustomerWaitingOnCredit(posted.customerId());
        if (waiting.isEmpty()) {
            return;
        }
        if (waiting.stream().anyMatch(order -> order.getStatus() == OrderStatus.AWAITING_PREPAYMENT)) {
            try {
                reviews.releaseOnPayment(posted.paymentId(), posted.customerId())
                        .ifPresent(orderId ->
                                log.info("payment {} releases order {} on prepayment", posted.paymentId(), orderId));
            } catch (RuntimeException e) {
                // the payment stands; the order keeps waiting and its timer ends the wait if nobody looks
                log.warn("prepayment check for payment {} failed: {}", posted.paymentId(), e.getMessage());
            }
        }
        recheck.request(
                waiting.stream()
                        .filter(order -> order.getStatus() == OrderStatus.CREDIT_REVIEW)
                        .toList(),
                "payment-" + posted.paymentId());
    }
}
