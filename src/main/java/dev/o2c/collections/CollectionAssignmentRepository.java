package dev.o2c.collections;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CollectionAssignmentRepository extends JpaRepository<CollectionAssignment, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from CollectionAssignment a where a.customerId = :customerId")
    Optional<CollectionAssignment> lockByCustomerId(Long customerId);
}
