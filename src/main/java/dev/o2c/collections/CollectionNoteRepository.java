package dev.o2c.collections;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CollectionNoteRepository extends JpaRepository<CollectionNote, Long> {

    List<CollectionNote> findTop200ByCustomerIdOrderByIdDesc(Long customerId);
}
