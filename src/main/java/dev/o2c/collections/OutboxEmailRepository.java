package dev.o2c.collections;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OutboxEmailRepository extends JpaRepository<OutboxEmail, Long> {

    Optional<OutboxEmail> findByDedupKey(String dedupKey);

    List<OutboxEmail> findTop50ByStatusOrderByIdAsc(String status);

    List<OutboxEmail> findTop200ByOrderByIdDesc();
}
