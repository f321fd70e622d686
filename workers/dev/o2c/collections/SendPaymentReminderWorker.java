package dev.o2c.collections;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.math.BigDecimal;
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
    public Map<String, Object> send(@Variable Long invoiceId, @Variable Map<String, Object> dunning) {
        int level = ((Number) dunning.get("level")).intValue();
        BigDecimal fee = new BigDecimal(String.valueOf(dunning.get("fee")));
        BigDecimal interestRate = new BigDecimal(String.valueOf(dunning.get("interestRate")));
        long nextCheckInDays = ((Number) dunning.get("nextCheckInDays")).longValue();
        this.dunning.sendReminder(invoiceId, level, fee, interestRate);
        return Map.of("nextCheckAt", CheckDates.inDays(nextCheckInDays, clock), "lastLevel", level);
    }
}
