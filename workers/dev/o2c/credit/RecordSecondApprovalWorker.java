package dev.o2c.credit;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** record-second-approval: the second approver confirms the approval or refuses it (the order is then rejected). */
@Component
public class RecordSecondApprovalWorker {

    static final String CONFIRM = "CONFIRM";

    private final CreditReviews reviews;

    RecordSecondApprovalWorker(CreditReviews reviews) {
        this.reviews = reviews;
    }

    @JobWorker(type = "record-second-approval")
    public Map<String, Object> record(
            @Variable Long approvalId,
            @Variable String secondApproval,
            @Variable String secondApprovalComment,
            @Variable String completedBy) {
        CreditApproval approval = reviews.recordSecondApproval(
                approvalId, CONFIRM.equals(secondApproval), completedBy, secondApprovalComment);
        // what is stored decides, so a repeated job answers as the first one did
        boolean confirmed = approval.getStatus() != CreditApproval.Status.REFUSED;
        Map<String, Object> result = new HashMap<>();
        result.put("secondApprovalConfirmed", confirmed);
        if (!confirmed) {
            result.put("rejectedBy", approval.getSecondApprovedBy());
            result.put("rejectionReason", "second approval refused: " + approval.getSecondComment());
        }
        return result;
    }
}
