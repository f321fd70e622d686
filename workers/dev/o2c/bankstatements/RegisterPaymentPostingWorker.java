package dev.o2c.bankstatements;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * register-payment-posting: records this instance on its bank entry. An entry that already has another instance
 * ends this one (BPMN error DUPLICATE_START) before anything is posted or a clerk sees it.
 */
@Component
public class RegisterPaymentPostingWorker {

    private final BankEntryPosting posting;

    RegisterPaymentPostingWorker(BankEntryPosting posting) {
        this.posting = posting;
    }

    @JobWorker(type = "register-payment-posting")
    public Map<String, Object> register(@Variable long bankEntryId, ActivatedJob job) {
        if (!posting.registerInstance(bankEntryId, job.getProcessInstanceKey())) {
            throw CamundaError.bpmnError(
                    "DUPLICATE_START", "bank entry " + bankEntryId + " already has another payment-posting instance");
        }
        return Map.of();
    }
}
