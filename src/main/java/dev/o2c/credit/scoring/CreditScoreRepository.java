package dev.o2c.credit.scoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CreditScoreRepository extends JpaRepository<CreditScore, Long> {

    // declared, not derived: on a hot path (see README, "Queries on hot paths")
    @Query("select s from CreditScore s where s.customerId = :customerId order by s.id desc limit 1")
    Optional<CreditScore> findFirstByCustomerIdOrderByIdDesc(long customerId);

    List<CreditScore> findTop100ByCustomerIdOrderByIdDesc(long customerId);

    long countByCustomerId(long customerId);

    /** The latest score of each customer, of the {@code customers} most recently scored customers, newest first. */
    @Query(nativeQuery = true, value = """
      select s.* from (select distinct on (customer_id) * from credit_score order by customer_id, id desc) s
      order by s.id desc limit :customers""")
    List<CreditScore> latestPerCustomer(int customers);
}
