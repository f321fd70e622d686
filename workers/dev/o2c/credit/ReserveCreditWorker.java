package dev.o2c.credit;

import dev.o2c.platform.security.Groups;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * reserve-credit: takes the order's amount out of the available credit, atomically; after an authorised approval
 * (approvalId) as far beyond it as the approval allows. When the credit is not there (another order got there first),
 * the order goes back to review by a credit manager (BPMN error CREDIT_LIMIT_EXCEEDED) with the real reason.
 */
@Component
public class ReserveCreditWorker {

    static final String LIMIT_EXCEEDED = "CREDIT_LIMIT_EXCEEDED";

    private final CreditReservation reservation;

    ReserveCreditWorker(CreditReservation reservation) {
        this.reservation = reservation;
    }

    @JobWorker(type = "reserve-credit")
    public Map<String, Object> reserve(@Variable Long orderId, @Variable Long approvalId) {
        CreditReservation.Result result = reservation.reserve(orderId, "credit-policy", approvalId);
        if (!result.reserved()) {
            throw CamundaError.bpmnError(
                    LIMIT_EXCEEDED,
                    result.refusal(),
                    Map.of(
                            "reviewGroup",
                            Groups.CREDIT_MANAGERS,
                            "reviewReason",
                            result.refusal(),
                            "availableCredit",
                            result.availableAfter()));
        }
        return Map.of("reservedAmount", result.reservedAmount(), "availableCredit", result.availableAfter());
    }
}
