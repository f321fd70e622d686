package dev.o2c.credit.bureau;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StoredBureauReportRepository extends JpaRepository<StoredBureauReport, Long> {

    /** The customer's current report: the one fetched last (index bureau_report_latest). */
    // declared, not derived: on a hot path (see README, "Queries on hot paths")
    @Query("""
      select r from StoredBureauReport r where r.customerId = :customerId order by r.fetchedAt desc, r.id desc
      limit 1""")
    Optional<StoredBureauReport> findFirstByCustomerIdOrderByFetchedAtDescIdDesc(long customerId);

    long countByCustomerId(long customerId);
}
