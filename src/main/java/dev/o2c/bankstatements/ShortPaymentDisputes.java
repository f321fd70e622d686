package dev.o2c.bankstatements;

import java.util.Optional;

/**
 * Disputes of a short payment's shortfall, opened by a clerk's "Match payment" answer. Owned here because cash
 * application comes before collections and must not call it; collections' disputes implement it. Both methods run
 * inside the caller's transaction: the dispute commits with the posting or not at all.
 */
public interface ShortPaymentDisputes {

    /**
     * Why the invoice's shortfall could not be disputed for this reason code (not one of the disputes' codes, the
     * invoice already has an unresolved dispute...), as the clerk should read it; empty when it can.
     */
    Optional<String> refusal(long invoiceId, String reasonCode);

    /** Opens the dispute for what the payment left open of the invoice; its process starts once this commits. */
    void open(ShortPayment shortPayment);

    /** The shortfall of a posted payment on one invoice, disputed by {@code clerk} for {@code reasonCode}. */
    record ShortPayment(long invoiceId, String reasonCode, String comment, String clerk) {}
}
