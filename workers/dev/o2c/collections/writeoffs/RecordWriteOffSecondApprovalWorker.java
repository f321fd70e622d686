package dev.o2c.collections.writeoffs;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import org.springframework.stereotype.Component;

/** record-write-off-second-approval: a second approver confirms the write-off (it is posted next) or rejects it. */
@Component
public class RecordWriteOffSecondApprovalWorker {

    private final WriteOffs writeOffs;

    RecordWriteOffSecondApprovalWorker(WriteOffs writeOffs) {
        this.writeOffs = writeOffs;
    }

    /** The answers of the form write-off-approval, the second time, and who completed it. */
    public record Input(Long writeOffId, String writeOffDecision, String writeOffComment, String completedBy) {}

    public record Outcome(String writeOffOutcome, String secondApprover) {}

    @JobWorker(type = "record-write-off-second-approval")
    public Outcome record(@VariablesAsType Input input) {
        WriteOff writeOff = writeOffs.recordSecondApproval(
                input.writeOffId(),
                WriteOffApprovalGuard.APPROVE.equals(input.writeOffDecision()),
                input.completedBy(),
                input.writeOffComment());
        return new Outcome(RecordWriteOffDecisionWorker.outcomeOf(writeOff), writeOff.getSecondApprovedBy());
    }
}
