package dev.o2c.collections;

import dev.o2c.billing.InvoiceService;
import dev.o2c.platform.time.TimerDates;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/** record-promise-to-pay: dunning pauses until the day after the promised date, then looks again. */
@Component
public class RecordPromiseToPayWorker {

    private final InvoiceService invoices;
    private final Clock clock;

    RecordPromiseToPayWorker(InvoiceService invoices, Clock clock) {
        this.invoices = invoices;
        this.clock = clock;
    }

    @JobWorker(type = "record-promise-to-pay")
    public Map<String, Object> record(
            @Variable Long invoiceId,
            @Variable String promisedDate,
            @Variable String completedBy,
            @Variable String followUpNote) {
        LocalDate promised = LocalDate.parse(promisedDate);
        invoices.recordPromise(invoiceId, promised, completedBy, followUpNote);
        LocalDate recheck = promised.isBefore(LocalDate.now(clock)) ? LocalDate.now(clock) : promised;
        return Map.of("nextCheckAt", TimerDates.startOf(recheck.plusDays(1), clock));
    }
}
