package dev.o2c.billing;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CustomerCreditBalanceRepository extends JpaRepository<CustomerCreditBalance, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from CustomerCreditBalance b where b.customerId = :customerId and b.currency = :currency")
    Optional<CustomerCreditBalance> lock(Long customerId, String currency);

    /** Creates the customer's balance in a currency (at zero) unless it exists; two callers at once create one. */
    @Modifying
    @Query(value = """
      insert into customer_credit_balance (customer_id, currency, available) values (:customerId, :currency, 0)
      on conflict (customer_id, currency) do nothing""", nativeQuery = true)
    void createIfMissing(Long customerId, String currency);

    List<CustomerCreditBalance> findByCustomerIdOrderByCurrency(Long customerId);
}
