package dev.o2c.payments;

import java.math.BigDecimal;
import java.util.List;

/**
 * Published inside the posting transaction, for the ledger and anyone else who books on it. It names the customer and
 * what went to which invoice, so the listeners need not read the payment's allocations again: the ledger books the
 * applied sum, the residual write-off looks only at invoices left with a little open, and the listeners that run after
 * commit (re-checks, rescoring) need no transaction of their own to find the customer.
 *
 * @param applied per invoice, in the order applied: the money applied and what the invoice had open afterwards
 */
public record PaymentPosted(long paymentId, long customerId, String currency, List<Applied> applied) {

    public PaymentPosted {
        applied = List.copyOf(applied);
    }

    public record Applied(long invoiceId, BigDecimal amount, BigDecimal openAfter) {}

    public BigDecimal appliedTotal() {
        return applied.stream().map(Applied::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
