package dev.o2c.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks that of the instances a process was started with for one record only the recorded one went on: every other
 * ended at "Duplicate discarded" before its first real step, and none of them gave anybody a task.
 */
@Component
public class DuplicateStarts {

    public static final String DISCARDED = "EndEvent_DuplicateDiscarded";

    private final EngineRecords engine;
    private final JdbcTemplate jdbc;

    DuplicateStarts(EngineRecords engine, JdbcTemplate jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    /**
     * @param variable the start variable naming the record, {@code id} its value
     * @param recorded the instance the record holds
     * @param firstStep the element after registration that only the recorded instance may reach
     * @param tasks how many human tasks the recorded instance has by now
     */
    public void assertOnlyRecordedGoesOn(
            String processId, String variable, long id, long recorded, String firstStep, int tasks) {
        Set<Long> instances = engine.instancesOf(processId, variable, id);
        assertThat(instances).contains(recorded);
        for (long instance : instances) {
            if (instance != recorded) {
                assertDiscarded(instance, firstStep);
            }
        }
        assertThat(engine.completedElements(recorded)).contains(firstStep);
        assertThat(tasksOf(recorded)).isEqualTo(tasks);
    }

    /** The instance ended as a duplicate, before {@code firstStep}, without a task. */
    public void assertDiscarded(long instance, String firstStep) {
        engine.awaitCompleted(instance, DISCARDED);
        assertThat(engine.completedElements(instance)).doesNotContain(firstStep);
        assertThat(tasksOf(instance)).isZero();
    }

    private int tasksOf(long processInstanceKey) {
        return jdbc.queryForObject(
                "select count(*) from human_task where process_instance_key = ?", Integer.class, processInstanceKey);
    }
}
