package dev.o2c.collections;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReminderRepository extends JpaRepository<Reminder, Long> {

    Optional<Reminder> findByInvoiceIdAndLevel(Long invoiceId, int level);

    List<Reminder> findByInvoiceIdOrderByLevelAsc(Long invoiceId);
}
