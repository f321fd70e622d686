package dev.o2c.platform.audit;

import java.time.Instant;

/** An audit record as the API shows it: who did what, when and why. {@code details} and {@code reason} are text. */
public record AuditView(Instant at, String actor, String action, String details, String reason) {

    public static AuditView of(AuditRecord r) {
        return new AuditView(r.getAt(), r.getActor(), r.getAction(), r.getDetails(), r.getReason());
    }
}
