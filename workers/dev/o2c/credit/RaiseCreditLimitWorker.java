package dev.o2c.credit;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** raise-credit-limit: the reviewer approved with a new permanent limit; it is set once, audited, before reserving. */
@Component
public class RaiseCreditLimitWorker {

    private final CreditReviews reviews;

    RaiseCreditLimitWorker(CreditReviews reviews) {
        this.reviews = reviews;
    }

    @JobWorker(type = "raise-credit-limit")
    public Map<String, Object> raise(@Variable Long approvalId) {
        return Map.of("creditLimit", reviews.raiseLimit(approvalId).getNewCreditLimit());
    }
}
