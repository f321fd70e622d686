package dev.o2c.payments;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A batch of planned postings about to run in one transaction, as {@link PaymentService#lockForPlannedPostings}
 * prepared it: its customers and invoices are locked, and the payments that already exist for its idempotency keys
 * were read with one query, so no posting of the batch asks the database again.
 */
public final class PlannedPostings {

    private final Set<String> keys;
    private final Map<String, Payment> earlier;

    PlannedPostings(Set<String> keys, Map<String, Payment> earlier) {
        this.keys = Set.copyOf(keys);
        this.earlier = Map.copyOf(earlier);
    }

    /** Whether the batch read this key (else the payment service looks it up itself). */
    boolean covers(String idempotencyKey) {
        return keys.contains(idempotencyKey);
    }

    Optional<Payment> earlier(String idempotencyKey) {
        return Optional.ofNullable(earlier.get(idempotencyKey));
    }
}
