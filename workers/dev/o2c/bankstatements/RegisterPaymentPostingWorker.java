package dev.o2c.bankstatements;

import dev.o2c.platform.engine.DuplicateStart;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
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
    public void register(@Variable long bankEntryId, ActivatedJob job) {
        DuplicateStart.unlessRecorded(
                posting.registerInstance(bankEntryId, job.getProcessInstanceKey()),
                "bank entry " + bankEntryId,
                "payment-posting");
    }
}
