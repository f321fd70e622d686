package dev.o2c.customers;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

    /** Serialises credit decisions per customer: whoever holds this lock sees every reservation made before it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Customer c where c.id = :id")
    Optional<Customer> lockById(Long id);

    /** Several at once, in id order (the order every locker follows, so two of them cannot deadlock). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Customer c where c.id in :ids order by c.id")
    List<Customer> lockAllById(Collection<Long> ids);
}
