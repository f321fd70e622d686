package dev.o2c.billing;

import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
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

    @Query("select coalesce(sum(i.openAmount), 0) from Invoice i where i.customerId = :customerId")
    BigDecimal openAmountFor(Long customerId);

    /** Oldest first: the order in which money without a usable reference is applied. */
    @Query("""
      select i from Invoice i where i.customerId = :customerId and i.status <> dev.o2c.billing.InvoiceStatus.PAID
      order by i.dueDate, i.id""")
    List<Invoice> findOpenByCustomer(Long customerId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
      select i from Invoice i where i.customerId = :customerId and i.status <> dev.o2c.billing.InvoiceStatus.PAID
      order by i.dueDate, i.id""")
    List<Invoice> lockOpenByCustomer(Long customerId);

    @Query("""
      select i from Invoice i where (:customerId is null or i.customerId = :customerId)
      and (:status is null or i.status = :status) order by i.id desc""")
    List<Invoice> search(Long customerId, InvoiceStatus status);
}
