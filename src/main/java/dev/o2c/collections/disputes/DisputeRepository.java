package dev.o2c.collections.disputes;

import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface DisputeRepository extends JpaRepository<Dispute, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from Dispute d where d.id = :id")
    Optional<Dispute> lockById(Long id);

    List<Dispute> findByInvoiceIdOrderByIdDesc(Long invoiceId);

    @Query("""
      select d from Dispute d where d.status = dev.o2c.collections.disputes.DisputeStatus.OPEN
      and d.processInstanceKey is null and d.openedAt < :before order by d.id""")
    List<Dispute> findUnstartedOpenedBefore(java.time.Instant before);

    /** What is disputed and not resolved yet on one invoice: dunning leaves it alone. */
    @Query("""
      select coalesce(sum(d.amount), 0) from Dispute d where d.invoiceId = :invoiceId
      and d.status in (dev.o2c.collections.disputes.DisputeStatus.OPEN,
                       dev.o2c.collections.disputes.DisputeStatus.ESCALATED)""")
    BigDecimal unresolvedAmount(Long invoiceId);

    /** Customer id and number of unresolved disputes, for the customers given (one query for a worklist page). */
    @Query("""
      select d.customerId, count(d) from Dispute d where d.customerId in :customerIds
      and d.status in (dev.o2c.collections.disputes.DisputeStatus.OPEN,
                       dev.o2c.collections.disputes.DisputeStatus.ESCALATED)
      group by d.customerId""")
    List<Object[]> unresolvedCountsByCustomer(Collection<Long> customerIds);

    /** Invoice id and the amount disputed and not resolved yet on it, for one customer. */
    @Query("""
      select d.invoiceId, sum(d.amount) from Dispute d where d.customerId = :customerId
      and d.status in (dev.o2c.collections.disputes.DisputeStatus.OPEN,
                       dev.o2c.collections.disputes.DisputeStatus.ESCALATED)
      group by d.invoiceId""")
    List<Object[]> unresolvedByInvoice(Long customerId);

    @Query("""
      select d from Dispute d where (:status is null or d.status = :status)
      and (:customerId is null or d.customerId = :customerId) order by d.id desc limit 500""")
    List<Dispute> search(DisputeStatus status, Long customerId);

    /** A customer's unresolved disputes, oldest first. */
    @Query("""
      select d from Dispute d where d.customerId = :customerId
      and d.status in (dev.o2c.collections.disputes.DisputeStatus.OPEN,
                       dev.o2c.collections.disputes.DisputeStatus.ESCALATED)
      order by d.openedAt, d.id""")
    List<Dispute> unresolvedOf(Long customerId);

    /** Currency, status, when opened and amount of every unresolved dispute: what the dashboard adds up. */
    @Query("""
      select d.currency, d.status, d.openedAt, d.amount from Dispute d
      where d.status in (dev.o2c.collections.disputes.DisputeStatus.OPEN,
                         dev.o2c.collections.disputes.DisputeStatus.ESCALATED)""")
    List<Object[]> unresolvedFacts();
}
