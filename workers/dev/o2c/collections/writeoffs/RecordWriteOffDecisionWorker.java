package dev.o2c.collections.writeoffs;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import org.springframework.stereotype.Component;

/** record-write-off-decision: the approver approved or rejected; says where the process goes next. */
@Component
public class RecordWriteOffDecisionWorker {

    static final String POST = "POST";
    static final String SECOND_APPROVAL = "SECOND_APPROVAL";
    static final String REJECTED = "REJECTED";

    private final WriteOffs writeOffs;

    RecordWriteOffDecisionWorker(WriteOffs writeOffs) {
        this.writeOffs = writeOffs;
    }

    /** The answers of the form write-off-approval and who completed it. */
    public record Input(Long writeOffId, String writeOffDecision, String writeOffComment, String completedBy) {}

    public record Outcome(String writeOffOutcome, String firstApprover) {}

    @JobWorker(type = "record-write-off-decision")
    public Outcome record(@VariablesAsType Input input) {
        WriteOff writeOff = writeOffs.recordDecision(
                input.writeOffId(),
                WriteOffApprovalGuard.APPROVE.equals(input.writeOffDecision()),
                input.completedBy(),
                input.writeOffComment());
        return new Outcome(outcomeOf(writeOff), writeOff.getApprovedBy());
    }

    /** Where the process goes from what is stored, so a repeated job answers as the first one did. */
    static String outcomeOf(WriteOff writeOff) {
        return switch (writeOff.getStatus()) {
            case AWAITING_SECOND_APPROVAL -> SECOND_APPROVAL;
            case APPROVED, POSTED, CANCELED -> POST;
            case REQUESTED, REJECTED -> REJECTED;
        };
    }
}
