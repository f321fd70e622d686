package dev.o2c.orders;

import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface SalesOrderRepository extends JpaRepository<SalesOrder, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from SalesOrder o where o.id = :id")
    Optional<SalesOrder> lockById(Long id);

    /** Written once: the first start recorded wins. Leaves the version alone, as no worker's decision depends on it. */
    @Modifying
    @Query("update SalesOrder o set o.processInstanceKey = :key where o.id = :id and o.processInstanceKey is null")
    int recordProcessInstance(Long id, long key);

    @Query("""
      select o from SalesOrder o where o.status = dev.o2c.orders.OrderStatus.CREDIT_CHECK
      and o.processInstanceKey is null and o.placedAt < :before order by o.id""")
    List<SalesOrder> findUnstartedPlacedBefore(java.time.Instant before);

    @Query("select coalesce(sum(o.reservedAmount), 0) from SalesOrder o where o.customerId = :customerId")
    BigDecimal reservedFor(Long customerId);

    // declared, not derived: on a hot path (see README, "Queries on hot paths")
    // one status, not a list: Hibernate keeps no SQL for a query whose list parameter expands on every call
    @Query("select o from SalesOrder o where o.customerId = :customerId and o.status = :status")
    List<SalesOrder> findByCustomerIdAndStatus(Long customerId, OrderStatus status);

    @Query("select o from SalesOrder o where o.customerId in :customerIds and o.status in"
            + " (dev.o2c.orders.OrderStatus.CREDIT_REVIEW, dev.o2c.orders.OrderStatus.AWAITING_PREPAYMENT)")
    List<SalesOrder> findWaitingOnCredit(java.util.Collection<Long> customerIds);

    List<SalesOrder> findTop200ByOrderByIdDesc();

    List<SalesOrder> findByStatusOrderByPlacedAtAsc(OrderStatus status);

    @Query("""
      select o.customerId as customerId, sum(o.reservedAmount) as amount from SalesOrder o
      where o.reservedAmount <> 0 group by o.customerId""")
    List<CustomerAmount> reservedByCustomer();

    interface CustomerAmount {
        Long getCustomerId();

        BigDecimal getAmount();
    }
}
