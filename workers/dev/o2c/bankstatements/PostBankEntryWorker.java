package dev.o2c.bankstatements;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import java.util.Map;
import org.springframework.stereotype.Component;

/** post-bank-entry: posts the entry's proposal; an outdated one goes back to a clerk (BPMN error MATCH_OUTDATED). */
@Component
public class PostBankEntryWorker {

    private final BankEntryPosting posting;

    PostBankEntryWorker(BankEntryPosting posting) {
        this.posting = posting;
    }

    @JobWorker(type = "post-bank-entry")
    public Map<String, Object> post(@Variable long bankEntryId) {
        return switch (posting.post(bankEntryId)) {
            case BankEntryPosting.Posted posted -> Map.of("paymentId", posted.paymentId());
            case BankEntryPosting.Outdated outdated ->
                throw CamundaError.bpmnError(
                        "MATCH_OUTDATED",
                        outdated.why(),
                        Map.of("matchReasons", "the proposal went out of date before posting: " + outdated.why()));
        };
    }
}
