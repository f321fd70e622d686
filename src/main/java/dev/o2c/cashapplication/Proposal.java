package dev.o2c.cashapplication;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.List;

/**
 * How a bank movement would be posted: to which customer, which invoices get how much (and what is settled without
 * money), what stays unapplied; with the confidence and the reasons a clerk can read.
 */
public record Proposal(
        Long customerId,
        List<PlannedAllocation> allocations,
        BigDecimal unapplied,
        BigDecimal confidence,
        List<String> reasons,
        List<Candidate> candidates) {

    @JsonIgnore
    public boolean postable() {
        return customerId != null;
    }

    public record PlannedAllocation(
            long invoiceId, String invoiceNumber, BigDecimal paid, String adjustment, BigDecimal adjustedAmount) {}

    /** An invoice a clerk might choose, best first. */
    public record Candidate(
            long invoiceId,
            String invoiceNumber,
            long customerId,
            BigDecimal openAmount,
            BigDecimal score,
            String why) {}
}
