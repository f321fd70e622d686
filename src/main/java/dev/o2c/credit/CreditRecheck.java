package dev.o2c.credit;

import dev.o2c.orders.OrderService;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.platform.engine.ProcessCommands;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Something changed the credit picture (money in, a new limit): orders of that customer waiting in credit review are
 * checked again, and an order the policy now approves no longer waits for a person. Payments come through
 * {@link OrdersWaitingOnPayment}.
 */
@Component
public class CreditRecheck {

    public static final String MESSAGE = "credit-recheck";
    private static final Logger log = LoggerFactory.getLogger(CreditRecheck.class);

    private final OrderService orders;
    private final ProcessCommands processes;

    CreditRecheck(OrderService orders, ProcessCommands processes) {
        this.orders = orders;
        this.processes = processes;
    }

    /** Asks every order of the customer that waits in review to be checked again; once per cause and order. */
    public void requestFor(long customerId, String cause) {
        request(orders.ofCustomerInStatus(customerId, OrderStatus.CREDIT_REVIEW), cause);
    }

    /** Asks these orders, waiting in review, to be checked again; once per cause and order. */
    void request(List<SalesOrder> inReview, String cause) {
        for (SalesOrder order : inReview) {
            try {
                // no time to live: only an order waiting at its review right now is re-checked
                processes.publish(
                        MESSAGE,
                        String.valueOf(order.getId()),
                        "recheck-" + order.getId() + "-" + cause,
                        Map.of(),
                        Duration.ZERO);
            } catch (RuntimeException e) {
                log.warn("credit re-check of order {} not requested: {}", order.getId(), e.getMessage());
            }
        }
    }
}
