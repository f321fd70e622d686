package dev.o2c.cashapplication;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PayerMemoryRepository extends JpaRepository<PayerMemory, Long> {

    Optional<PayerMemory> findByKindAndPayerKey(PayerMemory.Kind kind, String payerKey);
}
