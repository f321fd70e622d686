package dev.o2c.bankstatements;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** record-clerk-match: the clerk's choice becomes the entry's proposal (and is remembered), or sets it aside. */
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
            @Variable String completedBy) {
        var choice = BankEntryPosting.ClerkChoice.fromForm(matchDecision, customerId, invoiceNumbers, matchNote);
        boolean post = posting.recordClerkChoice(bankEntryId, choice, completedBy == null ? "clerk" : completedBy);
        return Map.of("post", post);
    }
}
