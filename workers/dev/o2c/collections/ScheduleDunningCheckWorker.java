package dev.o2c.collections;

import dev.o2c.platform.time.TimerDates;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;

/** schedule-dunning-check: when to look at the invoice next, as the dunning policy said. */
@Component
public class ScheduleDunningCheckWorker {

    private final Clock clock;

    ScheduleDunningCheckWorker(Clock clock) {
        this.clock = clock;
    }

    @JobWorker(type = "schedule-dunning-check")
    public Map<String, Object> schedule(@Variable DunningDecision dunning) {
        long days = dunning == null ? 1 : dunning.nextCheckInDaysOrTomorrow();
        return Map.of("nextCheckAt", TimerDates.inDays(days, clock));
    }
}
