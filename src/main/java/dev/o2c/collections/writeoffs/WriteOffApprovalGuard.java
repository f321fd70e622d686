package dev.o2c.collections.writeoffs;

import dev.o2c.credit.AuthorityTable;
import dev.o2c.credit.FourEyes;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskCompletionGuard;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A write-off is approved only by someone with the authority the table named, otherwise 403 naming the group. Four
 * eyes: who asked for the write-off never decides it, and a second approval comes from a second person of the group.
 * Rejecting needs no more authority than seeing the task: saying no writes nothing off.
 */
@Component
class WriteOffApprovalGuard implements TaskCompletionGuard {

    static final String FORM = "write-off-approval";
    static final String DECISION = "writeOffDecision";
    static final String APPROVE = "APPROVE";

    private final WriteOffs writeOffs;

    WriteOffApprovalGuard(WriteOffs writeOffs) {
        this.writeOffs = writeOffs;
    }

    /**
     * Who asked never approves, and the second approver is another person than the first, whatever they answer; a
     * write-off that awaits no approval any more is refused before the answer is read.
     */
    @Override
    public void authorize(HumanTask task, Map<String, Object> context, CurrentUser user) {
        if (!FORM.equals(task.getFormId())) {
            return;
        }
        WriteOff writeOff = writeOffOf(context);
        FourEyes.notTheRequester(user, writeOff.getRequestedBy(), "asked for write-off " + writeOff.getId());
        if (writeOff.getStatus() == WriteOff.Status.AWAITING_SECOND_APPROVAL) {
            FourEyes.secondPerson(
                    user,
                    writeOff.getApprovedBy(),
                    "the first approval of write-off " + writeOff.getId(),
                    writeOff.getAuthorityGroup(),
                    WriteOffAuthority.RANKS);
        } else if (writeOff.getStatus() != WriteOff.Status.REQUESTED || writeOff.getAuthorityGroup() == null) {
            throw new IllegalWriteOffTransitionException(
                    "write-off " + writeOff.getId() + " is " + writeOff.getStatus() + "; it awaits no approval");
        }
    }

    /** Approving (not rejecting) needs the authority the write-off's amount asks for. */
    @Override
    public void check(HumanTask task, Map<String, Object> answers, Map<String, Object> context, CurrentUser user) {
        if (!FORM.equals(task.getFormId())) {
            return;
        }
        WriteOff writeOff = writeOffOf(context);
        if (writeOff.getStatus() == WriteOff.Status.REQUESTED && APPROVE.equals(answers.get(DECISION))) {
            FourEyes.holdsAuthority(
                    user,
                    new AuthorityTable.Required(
                            writeOff.getAuthorityGroup(), writeOff.isSecondApproverRequired(), writeOff.getAuthority()),
                    WriteOffAuthority.RANKS,
                    writeOff.getAmount() + " " + writeOff.getCurrency() + " to write off");
        }
    }

    private WriteOff writeOffOf(Map<String, Object> context) {
        return writeOffs.get(Long.parseLong(String.valueOf(context.get("writeOffId"))));
    }
}
