package dev.o2c.cashapplication;

import dev.o2c.cashapplication.Proposal.PlannedAllocation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** How an amount settles a set of invoices, and how well it fits them. */
record Settlement(List<PlannedAllocation> allocations, BigDecimal unapplied, Fit fit) {

    enum Fit {
        EXACT("pays the open amount exactly"),
        DISCOUNT("pays the open amount less the early-payment discount the terms allow"),
        DEDUCTION("is short by no more than the tolerance; the difference is written off as a deduction"),
        OVERPAID("pays more than is open; the rest stays as unapplied credit"),
        PARTIAL("pays part of the open amount; the rest stays open");

        final String explanation;

        Fit(String explanation) {
            this.explanation = explanation;
        }

        boolean settlesInFull() {
            return this == EXACT || this == DISCOUNT || this == DEDUCTION;
        }
    }

    static Settlement of(BigDecimal amount, List<OpenItem> invoices, LocalDate valueDate, MatchingPolicy policy) {
        BigDecimal owed = invoices.stream().map(OpenItem::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        int comparison = amount.compareTo(owed);
        if (comparison == 0) {
            return inFull(invoices, Fit.EXACT, amount);
        }
        if (comparison > 0) {
            return inFull(invoices, Fit.OVERPAID, amount);
        }
        BigDecimal discounts = invoices.stream()
                .map(item -> item.discountOn(valueDate, policy.discountGraceDays()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (discounts.signum() > 0 && amount.compareTo(owed.subtract(discounts)) == 0) {
            List<PlannedAllocation> allocations = invoices.stream()
                    .map(item -> {
                        BigDecimal discount = item.discountOn(valueDate, policy.discountGraceDays());
                        return allocation(item, item.openAmount().subtract(discount), "DISCOUNT", discount);
                    })
                    .toList();
            return new Settlement(allocations, BigDecimal.ZERO.setScale(amount.scale()), Fit.DISCOUNT);
        }
        boolean withinTolerance = owed.subtract(amount).compareTo(policy.toleranceFor(owed)) <= 0;
        return inOrder(amount, invoices, withinTolerance ? Fit.DEDUCTION : Fit.PARTIAL);
    }

    /** Applied oldest first as given, whatever the tolerance: the rest stays open (a disputed short payment). */
    static Settlement partial(BigDecimal amount, List<OpenItem> invoices) {
        return inOrder(amount, invoices, Fit.PARTIAL);
    }

    private static Settlement inFull(List<OpenItem> invoices, Fit fit, BigDecimal amount) {
        List<PlannedAllocation> allocations = invoices.stream()
                .map(item -> allocation(item, item.openAmount(), null, null))
                .toList();
        BigDecimal applied = invoices.stream().map(OpenItem::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Settlement(allocations, amount.subtract(applied), fit);
    }

    /** Oldest first as given; with DEDUCTION whatever stays open is written off. */
    private static Settlement inOrder(BigDecimal amount, List<OpenItem> invoices, Fit fit) {
        List<PlannedAllocation> allocations = new ArrayList<>();
        BigDecimal left = amount;
        for (OpenItem item : invoices) {
            BigDecimal paid = left.min(item.openAmount());
            left = left.subtract(paid);
            BigDecimal shortfall = item.openAmount().subtract(paid);
            boolean writeOff = fit == Fit.DEDUCTION && shortfall.signum() > 0;
            if (paid.signum() > 0 || writeOff) {
                allocations.add(allocation(item, paid, writeOff ? "DEDUCTION" : null, writeOff ? shortfall : null));
            }
        }
        return new Settlement(allocations, left, fit);
    }

    private static PlannedAllocation allocation(
            OpenItem item, BigDecimal paid, String adjustment, BigDecimal adjusted) {
        return new PlannedAllocation(item.invoiceId(), item.number(), paid, adjustment, adjusted);
    }
}
