package dev.o2c.tasks;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface HumanTaskRepository extends JpaRepository<HumanTask, Long> {

    List<HumanTask> findByStatusOrderByCreatedAtAsc(HumanTask.Status status);

    List<HumanTask> findByProcessInstanceKeyAndElementIdAndStatus(
            Long processInstanceKey, String elementId, HumanTask.Status status);

    List<HumanTask> findByProcessInstanceKeyOrderByCreatedAtAsc(Long processInstanceKey);

    List<HumanTask> findByProcessInstanceKeyIn(Collection<Long> processInstanceKeys);

    long countByStatusAndFormId(HumanTask.Status status, String formId);
}
