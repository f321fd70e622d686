package dev.o2c.collections.disputes;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** reject-dispute: the reason is kept and e-mailed to the customer; dunning of the disputed amount resumes. */
@Component
public class RejectDisputeWorker {

    private final Disputes disputes;

    RejectDisputeWorker(Disputes disputes) {
        this.disputes = disputes;
    }

    @JobWorker(type = "reject-dispute")
    public Map<String, Object> reject(
            @Variable Long disputeId,
            @Variable String rejectionReason,
            @Variable String completedBy,
            @Variable String resolutionNote) {
        Dispute dispute = disputes.reject(
                disputeId, rejectionReason, completedBy == null ? "system" : completedBy, resolutionNote);
        return Map.of("disputeStatus", dispute.getStatus().name());
    }
}
