package dev.o2c.collections;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CollectionPromiseRepository extends JpaRepository<CollectionPromise, Long> {

    List<CollectionPromise> findByInvoiceIdAndStatus(Long invoiceId, CollectionPromise.Status status);

    List<CollectionPromise> findTop200ByCustomerIdOrderByIdDesc(Long customerId);

    /** Open promises whose date has passed (index collection_promise_due). */
    @Query("""
      select p.id from CollectionPromise p where p.status = dev.o2c.collections.CollectionPromise.Status.OPEN
      and p.promisedDate < :today order by p.id""")
    List<Long> dueBefore(LocalDate today);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from CollectionPromise p where p.id = :id")
    Optional<CollectionPromise> lockById(Long id);

    /** Per customer: promises broken since {@code since}, and the earliest open promise still ahead. One query. */
    @Query(nativeQuery = true, value = """
      select customer_id as "customerId",
             count(*) filter (where status = 'BROKEN' and promised_date >= :since) as "brokenPromises",
             min(promised_date) filter (where status = 'OPEN' and promised_date >= :today) as "nextPromiseDate"
        from collection_promise where customer_id in (:customerIds) group by customer_id""")
    List<PromiseStanding> standingOf(Collection<Long> customerIds, LocalDate today, LocalDate since);

    interface PromiseStanding {
        long getCustomerId();

        long getBrokenPromises();

        LocalDate getNextPromiseDate();
    }
}
