package dev.o2c.collections.disputes;

import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import dev.o2c.tasks.TaskInbox;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may read a dispute and its invoice. Finance staff, sales and operators read any; the warehouse, which answers
 * disputes about the goods, reads only the disputes whose process gave it a task (and their invoices), nothing else.
 */
@Component
public class DisputeReaders {

    /** Read every dispute and invoice (the groups of the disputes' and invoices' GET endpoints besides warehouse). */
    static final List<String> ALL_DISPUTES = List.of(
            Groups.COLLECTORS,
            Groups.AR_CLERKS,
            Groups.SALES,
            Groups.CREDIT_ANALYSTS,
            Groups.CREDIT_MANAGERS,
            Groups.OPERATORS);

    private final Disputes disputes;
    private final TaskInbox inbox;

    DisputeReaders(Disputes disputes, TaskInbox inbox) {
        this.disputes = disputes;
        this.inbox = inbox;
    }

    /** Refuses (403) a reader who may see only the disputes routed to them, for any other. */
    @Transactional(readOnly = true)
    public void checkMayRead(Dispute dispute, CurrentUser user) {
        if (!routedTo(dispute, user)) {
            throw new DisputeNotPermittedException("dispute " + dispute.getId() + " was not routed to " + user.groups()
                    + "; it is for " + ALL_DISPUTES);
        }
    }

    /** An invoice: for the warehouse, only one with a dispute routed to it. */
    @Transactional(readOnly = true)
    public void checkMayReadInvoice(long invoiceId, CurrentUser user) {
        if (user.inAnyGroup(ALL_DISPUTES)) {
            return;
        }
        if (disputes.forInvoice(invoiceId).stream().noneMatch(dispute -> routedTo(dispute, user))) {
            throw new DisputeNotPermittedException("invoice " + invoiceId + " has no dispute routed to " + user.groups()
                    + "; it is for " + ALL_DISPUTES);
        }
    }

    private boolean routedTo(Dispute dispute, CurrentUser user) {
        return user.inAnyGroup(ALL_DISPUTES)
                || (dispute.getProcessInstanceKey() != null && inbox.hadTaskIn(dispute.getProcessInstanceKey(), user));
    }
}
