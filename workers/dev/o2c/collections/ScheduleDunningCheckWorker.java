package dev.o2c.collections;

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
    public Map<String, Object> schedule(@Variable Map<String, Object> dunning) {
        long days = dunning == null ? 1 : ((Number) dunning.get("nextCheckInDays")).longValue();
        return Map.of("nextCheckAt", CheckDates.inDays(days, clock));
    }
}
