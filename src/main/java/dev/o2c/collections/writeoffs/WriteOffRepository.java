package dev.o2c.collections.writeoffs;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface WriteOffRepository extends JpaRepository<WriteOff, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select w from WriteOff w where w.id = :id")
    Optional<WriteOff> lockById(Long id);

    List<WriteOff> findByInvoiceIdOrderByIdAsc(Long invoiceId);

    @Query("""
      select w from WriteOff w where w.status = dev.o2c.collections.writeoffs.WriteOff$Status.REQUESTED
      and w.processInstanceKey is null and w.requestedAt < :before order by w.id""")
    List<WriteOff> findUnstartedRequestedBefore(java.time.Instant before);

    List<WriteOff> findTop200ByOrderByIdDesc();

    List<WriteOff> findTop200ByAutomaticOrderByIdDesc(boolean automatic);

    Optional<WriteOff> findFirstByInvoiceIdAndStatusIn(Long invoiceId, Collection<WriteOff.Status> statuses);
}
