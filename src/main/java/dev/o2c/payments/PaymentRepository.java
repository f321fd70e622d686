package dev.o2c.payments;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PaymentRepository extends JpaRepository<Payment, Long> {

    // declared, not derived: on a hot path (see README, "Queries on hot paths")
    @Query("select p from Payment p where p.idempotencyKey = :key")
    Optional<Payment> findByIdempotencyKey(String key);

    List<Payment> findByCustomerIdOrderByIdAsc(Long customerId);

    @Query("select p.currency as currency, sum(p.unappliedAmount) as amount from Payment p group by p.currency")
    List<CurrencyAmount> unappliedByCurrency();

    interface CurrencyAmount {
        String getCurrency();

        BigDecimal getAmount();
    }
}
