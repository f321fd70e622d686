package dev.o2c.collections.disputes;

import dev.o2c.tasks.TaskInbox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Disputes as the API shows them, each with the due date of its resolution task, set in the model from the routing
 * table's SLA (the date the task inbox shows), and whether an unresolved one is past it on the application clock.
 */
@Component
public class DisputeViews {

    private final TaskInbox inbox;
    private final Clock clock;

    DisputeViews(TaskInbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    public DisputeView of(Dispute dispute) {
        return of(List.of(dispute)).get(0);
    }

    public List<DisputeView> of(List<Dispute> disputes) {
        Map<Long, Instant> due = inbox.dueDatesIn(disputes.stream()
                .map(Dispute::getProcessInstanceKey)
                .filter(Objects::nonNull)
                .toList());
        Instant now = clock.instant();
        return disputes.stream()
                .map(dispute -> DisputeView.of(
                        dispute,
                        dispute.getProcessInstanceKey() == null ? null : due.get(dispute.getProcessInstanceKey()),
                        now))
                .toList();
    }
}
