package dev.o2c.credit;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/**
 * request-prepayment: the order is released on prepayment and waits (status AWAITING_PREPAYMENT) for a payment of
 * the stated amount; a payment posted since the decision counts at once.
 */
@Component
public class RequestPrepaymentWorker {

    private final CreditReviews reviews;

    RequestPrepaymentWorker(CreditReviews reviews) {
        this.reviews = reviews;
    }

    @JobWorker(type = "request-prepayment")
    public void request(@Variable Long approvalId) {
        reviews.awaitPrepayment(approvalId);
    }
}
