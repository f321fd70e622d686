package dev.o2c.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The due-date header of a job-based user task, as Zeebe writes it for a literal and for a FEEL date-time. */
class TaskRegistrationDueDateTest {

    @Test
    void aDueDateComputedInFeelKeepsItsZoneAfterTheOffset() {
        assertThat(TaskRegistration.dueAt("2026-12-06T11:48:24.001Z[Etc/UTC]"))
                .isEqualTo(Instant.parse("2026-12-06T11:48:24.001Z"));
        assertThat(TaskRegistration.dueAt("2026-12-06T12:48:24+01:00[Europe/Berlin]"))
                .isEqualTo(Instant.parse("2026-12-06T11:48:24Z"));
    }

    @Test
    void aLiteralDueDateHasOnlyItsOffset() {
        assertThat(TaskRegistration.dueAt("2026-12-06T12:00:00+01:00"))
                .isEqualTo(Instant.parse("2026-12-06T11:00:00Z"));
        assertThat(TaskRegistration.dueAt("")).isNull();
        assertThat(TaskRegistration.dueAt(null)).isNull();
    }
}
