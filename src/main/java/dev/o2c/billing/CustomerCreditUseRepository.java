package dev.o2c.billing;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerCreditUseRepository extends JpaRepository<CustomerCreditUse, Long> {

    Optional<CustomerCreditUse> findByRequestKey(String requestKey);

    List<CustomerCreditUse> findByCustomerIdOrderByIdAsc(Long customerId);
}
