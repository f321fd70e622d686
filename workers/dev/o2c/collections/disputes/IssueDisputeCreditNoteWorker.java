package dev.o2c.collections.disputes;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/** issue-dispute-credit-note: the dispute was accepted (in full or in part); one credit note for what was accepted. */
@Component
public class IssueDisputeCreditNoteWorker {

    private final Disputes disputes;

    IssueDisputeCreditNoteWorker(Disputes disputes) {
        this.disputes = disputes;
    }

    @JobWorker(type = "issue-dispute-credit-note")
    public Map<String, Object> issue(
            @Variable Long disputeId,
            @Variable String disputeOutcome,
            @Variable BigDecimal acceptedAmount,
            @Variable String completedBy,
            @Variable String resolutionNote) {
        Dispute dispute = disputes.accept(
                disputeId,
                DisputeOutcome.valueOf(disputeOutcome),
                acceptedAmount,
                completedBy == null ? "system" : completedBy,
                resolutionNote);
        return Map.of("disputeStatus", dispute.getStatus().name(), "creditNoteId", dispute.getCreditNoteId());
    }
}
