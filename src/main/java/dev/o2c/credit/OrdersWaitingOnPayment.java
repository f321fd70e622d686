package dev.o2c.credit;

import dev.o2c.orders.OrderService;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.payments.PaymentPosted;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Money in may move the customer's orders that wait on credit: an order released on prepayment may be waiting for
 * exactly this payment, and an order in credit review is checked again. All payments a transaction posted (a lane
 * posts a statement's credits fifty at a time) are looked at together once it has committed, with one read for all
 * their customers; almost every payment finds nothing, and then that read is all it costs.
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

    /** Collects the payment for the posting transaction's commit; nothing happens should it roll back. */
    @EventListener
    public void onPaymentPosted(PaymentPosted posted) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            afterCommit(List.of(posted));
            return;
        }
        @SuppressWarnings("unchecked")
        List<PaymentPosted> pending = (List<PaymentPosted>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<PaymentPosted> collected = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, collected);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    OrdersWaitingOnPayment.this.afterCommit(collected);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(OrdersWaitingOnPayment.this);
                }
            });
            pending = collected;
        }
        pending.add(posted);
    }

    private void afterCommit(List<PaymentPosted> payments) {
        Map<Long, List<SalesOrder>> waiting = orders
                .ofCustomersWaitingOnCredit(
                        payments.stream().map(PaymentPosted::customerId).collect(Collectors.toSet()))
                .stream()
                .collect(Collectors.groupingBy(SalesOrder::getCustomerId));
        for (PaymentPosted posted : payments) {
            List<SalesOrder> ofCustomer = waiting.get(posted.customerId());
            if (ofCustomer != null) {
                moveOn(posted, ofCustomer);
            }
        }
    }

    private void moveOn(PaymentPosted posted, List<SalesOrder> waiting) {
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
