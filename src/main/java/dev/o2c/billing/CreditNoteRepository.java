package dev.o2c.billing;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CreditNoteRepository extends JpaRepository<CreditNote, Long> {

    List<CreditNote> findByInvoiceIdOrderByIdAsc(Long invoiceId);

    List<CreditNote> findByCustomerIdOrderByIdAsc(Long customerId);

    Optional<CreditNote> findByRequestKey(String requestKey);
}
