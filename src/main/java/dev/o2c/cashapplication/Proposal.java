package dev.o2c.cashapplication;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.List;

/**
 * How a bank movement would be posted: to which customer, which invoices get how much (and what is settled without
 * money), what stays unapplied; with the confidence and the reasons a clerk can read. {@code automatic} is the
 * matcher's decision: the best candidate reached the policy's confidence and was clearly ahead of the next one.
 */
public record Proposal(
        Long customerId,
        List<PlannedAllocation> allocations,
        BigDecimal unapplied,
        BigDecimal confidence,
        List<String> reasons,
        List<Candidate> candidates,
        boolean automatic) {

    @JsonIgnore
    public boolean postable() {
        return customerId != null;
    }

    /** Posted without a clerk: postable and decided so by the matcher. */
    @JsonIgnore
    public boolean postsAutomatically() {
        return postable() && automatic && !allocations.isEmpty();
    }

    public record PlannedAllocation(
            long invoiceId, String invoiceNumber, BigDecimal paid, String adjustment, BigDecimal adjustedAmount) {}

    /**
     * One invoice or a small combination of one customer's invoices a clerk might choose, best first: {@code
     * invoiceId} and {@code invoiceNumber} name the first (the number lists all, comma separated), {@code openAmount}
     * is their sum, {@code why} the evidence that was weighed.
     */
    public record Candidate(
            long invoiceId,
            String invoiceNumber,
            long customerId,
            BigDecimal openAmount,
            BigDecimal score,
            String why,
            List<Long> invoiceIds) {}
}
