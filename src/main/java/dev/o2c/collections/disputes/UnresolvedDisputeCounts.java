package dev.o2c.collections.disputes;

import dev.o2c.collections.OpenDisputes;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The worklist's count of open disputes: those still with the routed team or escalated, not yet resolved. */
@Component
class UnresolvedDisputeCounts implements OpenDisputes {

    private final DisputeRepository disputes;

    UnresolvedDisputeCounts(DisputeRepository disputes) {
        this.disputes = disputes;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Integer> countsFor(Collection<Long> customerIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (customerIds.isEmpty()) {
            return counts;
        }
        for (Object[] row : disputes.unresolvedCountsByCustomer(customerIds)) {
            counts.put((Long) row[0], ((Number) row[1]).intValue());
        }
        return counts;
    }
}
