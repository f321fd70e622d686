package dev.o2c.credit.scoring;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CreditAlertRepository extends JpaRepository<CreditAlert, Long> {

    List<CreditAlert> findTop200ByStatusOrderByIdDesc(String status);

    List<CreditAlert> findTop200ByOrderByIdDesc();

    List<CreditAlert> findTop200ByCustomerIdOrderByIdDesc(long customerId);

    List<CreditAlert> findTop200ByCustomerIdAndStatusOrderByIdDesc(long customerId, String status);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from CreditAlert a where a.id = :id")
    Optional<CreditAlert> lockById(long id);
}
