package dev.o2c.collections;

import dev.o2c.platform.time.TimerDates;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;

/** send-payment-reminder: the reminder level the dunning policy chose, sent once. */
@Component
public class SendPaymentReminderWorker {

    private final DunningService dunning;
    private final Clock clock;

    SendPaymentReminderWorker(DunningService dunning, Clock clock) {
        this.dunning = dunning;
        this.clock = clock;
    }

    @JobWorker(type = "send-payment-reminder")
    public Map<String, Object> send(@Variable Long invoiceId, @Variable DunningDecision dunning) {
        int level = dunning.level();
        this.dunning.sendReminder(invoiceId, level, dunning.charges());
        return Map.of("nextCheckAt", TimerDates.inDays(dunning.nextCheckInDaysOrTomorrow(), clock), "lastLevel", level);
    }
}
