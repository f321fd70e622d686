package dev.o2c.credit;

import dev.o2c.platform.errors.NotFoundException;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.time.Duration;
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
    public Map<String, Object> checkCredit(ActivatedJob job, @Variable Long orderId) {
        try {
            return creditCheck.factsFor(orderId).asVariables();
        } catch (NotFoundException e) {
            // The order is written in the same transaction that starts this process; it may not be committed yet.
            throw CamundaError.jobError(e.getMessage(), null, job.getRetries() - 1, Duration.ofSeconds(2));
        }
    }
}
