package dev.o2c.platform.audit;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AuditLog {

    private final AuditRepository records;
    private final Clock clock;

    AuditLog(AuditRepository records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Must join the caller's transaction: an audit record exists exactly when the change it describes does. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String entityType, Object entityId, String details, String reason) {
        records.save(
                new AuditRecord(clock.instant(), actor, action, entityType, String.valueOf(entityId), details, reason));
    }
}
