package dev.o2c.payments;

import jakarta.persistence.QueryHint;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

public interface PaymentRepository extends JpaRepository<Payment, Long> {

    // declared, not derived: on a hot path (see README, "Queries on hot paths")
    // no flush before it: a lane's batch keeps its payments pending until commit, and none of them has the key looked
    // for (one key per bank entry, each entry posted once per batch)
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query("select p from Payment p where p.idempotencyKey = :key")
    Optional<Payment> findByIdempotencyKey(String key);

    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query("select p from Payment p where p.idempotencyKey in :keys")
    List<Payment> findByIdempotencyKeyIn(java.util.Collection<String> keys);

    /**
     * The customer's latest payments, newest first by when they were posted (pooled ids are not in time order across
     * application replicas), as many as the page asks for.
     */
    @Query("select p from Payment p where p.customerId = :customerId order by p.postedAt desc, p.id desc")
    List<Payment> latestOf(Long customerId, org.springframework.data.domain.Pageable page);

    @Query("""
      select p.currency as currency, sum(p.unappliedAmount) as amount from Payment p
      where p.customerId = :customerId and p.unappliedAmount <> 0 group by p.currency""")
    List<CurrencyAmount> unappliedByCurrencyOf(Long customerId);

    @Query("select p.currency as currency, sum(p.unappliedAmount) as amount from Payment p group by p.currency")
    List<CurrencyAmount> unappliedByCurrency();

    interface CurrencyAmount {
        String getCurrency();

        BigDecimal getAmount();
    }
}
