package dev.o2c.collections.disputes;

import dev.o2c.documents.DisputedInvoices;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the account statement shows as disputed: the unresolved (open or escalated) disputes per invoice. */
@Component
class UnresolvedDisputedInvoices implements DisputedInvoices {

    private final DisputeRepository disputes;

    UnresolvedDisputedInvoices(DisputeRepository disputes) {
        this.disputes = disputes;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> unresolvedByInvoice(long customerId) {
        Map<Long, BigDecimal> amounts = new HashMap<>();
        for (Object[] row : disputes.unresolvedByInvoice(customerId)) {
            amounts.put((Long) row[0], (BigDecimal) row[1]);
        }
        return amounts;
    }
}
