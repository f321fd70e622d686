package dev.o2c.bankstatements;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * record-clerk-match: the clerk's choice becomes the entry's proposal (and is remembered), or sets it aside; a disputed
 * shortfall is kept with it for the posting.
 */
@Component
public class RecordClerkMatchWorker {

    private final BankEntryPosting posting;

    RecordClerkMatchWorker(BankEntryPosting posting) {
        this.posting = posting;
    }

    @JobWorker(type = "record-clerk-match")
    public Map<String, Object> record(
            @Variable long bankEntryId,
            @Variable String matchDecision,
            @Variable Object customerId,
            @Variable String invoiceNumbers,
            @Variable String matchNote,
            @Variable String disputeReason,
            @Variable String completedBy) {
        var choice = BankEntryPosting.ClerkChoice.fromForm(
                matchDecision, customerId, invoiceNumbers, matchNote, disputeReason);
        boolean post = posting.recordClerkChoice(bankEntryId, choice, completedBy == null ? "clerk" : completedBy);
        // kept on the entry now; cleared so a second round of the task (match outdated) starts without it
        Map<String, Object> result = new HashMap<>();
        result.put("post", post);
        result.put("disputeReason", null);
        return result;
    }
}
