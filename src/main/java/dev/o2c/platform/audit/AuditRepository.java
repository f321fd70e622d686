package dev.o2c.platform.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AuditRepository extends JpaRepository<AuditRecord, Long> {

    List<AuditRecord> findByEntityTypeAndEntityIdOrderByIdAsc(String entityType, String entityId);

    /**
     * An entity's trail in the order things happened. Ids come from a pooled sequence, fifty to a replica at a time,
     * so with several application replicas id order is not time order; within one transaction the id breaks ties.
     */
    @Query(
            "select a from AuditRecord a where a.entityType = :entityType and a.entityId = :entityId order by a.at, a.id")
    List<AuditRecord> trailOf(String entityType, String entityId);

    List<AuditRecord> findByActionOrderByIdAsc(String action);
}
