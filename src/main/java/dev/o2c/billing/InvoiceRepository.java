package dev.o2c.billing;

import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface InvoiceRepository extends JpaRepository<Invoice, Long> {

    Optional<Invoice> findByOrderId(Long orderId);

    Optional<Invoice> findByNumber(String number);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.id = :id")
    Optional<Invoice> lockById(Long id);

    /** Several at once, in id order (the order every locker follows, so two of them cannot deadlock). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.id in :ids order by i.id")
    List<Invoice> lockAllById(Collection<Long> ids);

    @Query("select coalesce(sum(i.openAmount), 0) from Invoice i where i.customerId = :customerId")
    BigDecimal openAmountFor(Long customerId);

    /** Oldest first: the order in which money without a usable reference is applied. */
    @Query("""
      select i from Invoice i where i.customerId = :customerId
      and i.status in (dev.o2c.billing.InvoiceStatus.OPEN, dev.o2c.billing.InvoiceStatus.PARTIALLY_PAID)
      order by i.dueDate, i.id""")
    List<Invoice> findOpenByCustomer(Long customerId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
      select i from Invoice i where i.customerId = :customerId
      and i.status in (dev.o2c.billing.InvoiceStatus.OPEN, dev.o2c.billing.InvoiceStatus.PARTIALLY_PAID)
      order by i.dueDate, i.id""")
    List<Invoice> lockOpenByCustomer(Long customerId);

    @Query("""
      select i from Invoice i where (:customerId is null or i.customerId = :customerId)
      and (:status is null or i.status = :status) order by i.id desc""")
    List<Invoice> search(Long customerId, InvoiceStatus status);

    /**
     * How a customer paid: one aggregate over that customer's invoices only (index invoice_customer_paid_on), never a
     * scan of all invoices. Days beyond terms count from the due date to the paid-on date, early payment as 0.
     * "Recent" is paid on or after {@code recentSince}, "earlier" between {@code since} and it.
     */
    @Query(nativeQuery = true, value = """
      select count(*) filter (where paid_on >= :since) as "paidCount",
             count(*) filter (where paid_on >= :since and paid_on > due_date) as "paidLateCount",
             avg(greatest(paid_on - due_date, 0)) filter (where paid_on >= :since) as "averageDaysBeyondTerms",
             avg(greatest(paid_on - due_date, 0)) filter (where paid_on >= :recentSince) as "recentDaysBeyondTerms",
             avg(greatest(paid_on - due_date, 0)) filter (where paid_on >= :since and paid_on < :recentSince)
                 as "earlierDaysBeyondTerms",
             coalesce(max(dunning_level) filter (where status in ('OPEN', 'PARTIALLY_PAID') or paid_on >= :since), 0)
                 as "highestDunningLevel",
             count(*) filter (where promised_date >= :since and promised_date < coalesce(paid_on, :today))
                 as "brokenPromises",
             count(*) filter (where status in ('OPEN', 'PARTIALLY_PAID') and due_date < :today) as "overdueOpenCount"
        from invoice where customer_id = :customerId""")
    PaymentBehaviourRow paymentBehaviour(long customerId, LocalDate today, LocalDate since, LocalDate recentSince);

    interface PaymentBehaviourRow {
        long getPaidCount();

        long getPaidLateCount();

        BigDecimal getAverageDaysBeyondTerms();

        BigDecimal getRecentDaysBeyondTerms();

        BigDecimal getEarlierDaysBeyondTerms();

        int getHighestDunningLevel();

        long getBrokenPromises();

        long getOverdueOpenCount();
    }

    /** Customers with something still open: whom the nightly credit scoring looks at. */
    @Query("""
      select distinct i.customerId from Invoice i
      where i.status in (dev.o2c.billing.InvoiceStatus.OPEN, dev.o2c.billing.InvoiceStatus.PARTIALLY_PAID)""")
    List<Long> customersWithOpenInvoices();
}
