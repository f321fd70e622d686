package dev.o2c.credit.bureau;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StoredBureauReportRepository extends JpaRepository<StoredBureauReport, Long> {

    /** The customer's current report: the one fetched last (index bureau_report_latest). */
    Optional<StoredBureauReport> findFirstByCustomerIdOrderByFetchedAtDescIdDesc(long customerId);

    long countByCustomerId(long customerId);
}
