package dev.o2c.credit;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** check-credit: the figures the credit-decision DMN needs. */
@Component
public class CheckCreditWorker {

    private final CreditCheck creditCheck;

    CheckCreditWorker(CreditCheck creditCheck) {
        this.creditCheck = creditCheck;
    }

    @JobWorker(type = "check-credit")
    public Map<String, Object> checkCredit(@Variable Long orderId) {
        // The order committed before its process started (OrderIntake), so it is always there to be read.
        return creditCheck.factsFor(orderId).asVariables();
    }
}
