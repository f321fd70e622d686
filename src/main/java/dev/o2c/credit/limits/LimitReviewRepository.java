package dev.o2c.credit.limits;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface LimitReviewRepository extends JpaRepository<LimitReview, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from LimitReview r where r.id = :id")
    Optional<LimitReview> lockById(Long id);

    Optional<LimitReview> findFirstByCustomerIdAndStatusIn(Long customerId, Collection<LimitReview.Status> statuses);

    List<LimitReview> findByCustomerIdOrderByIdDesc(Long customerId);

    /** When each customer's last review ended: the periodic review counts from there. */
    @Query("select r.customerId, max(r.closedAt) from LimitReview r where r.closedAt is not null group by r.customerId")
    List<Object[]> lastClosedPerCustomer();

    /** Reviews whose process never started (the application stopped between saving the review and starting it). */
    List<LimitReview> findByStatusAndProcessInstanceKeyIsNullAndRequestedAtBefore(
            LimitReview.Status status, java.time.Instant before);

    @Query("select r.customerId from LimitReview r where r.status in :statuses")
    List<Long> customersWithReviewIn(Collection<LimitReview.Status> statuses);
}
