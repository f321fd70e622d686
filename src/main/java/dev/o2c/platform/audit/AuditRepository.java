package dev.o2c.platform.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditRepository extends JpaRepository<AuditRecord, Long> {

    List<AuditRecord> findByEntityTypeAndEntityIdOrderByIdAsc(String entityType, String entityId);

    List<AuditRecord> findByActionOrderByIdAsc(String action);
}
