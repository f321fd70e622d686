package dev.o2c.credit.scoring;

import dev.o2c.billing.InvoiceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night each customer with open items is scored again: days pass, invoices fall overdue, the 12-month window
 * moves. Idempotent (unchanged facts add no history row), so a second run the same night changes nothing. The time is
 * o2c.credit.scoring.nightly-cron; "-" switches it off (the tests do, and call {@link #run()} themselves).
 */
@Component
public class NightlyScoring {

    private static final Logger log = LoggerFactory.getLogger(NightlyScoring.class);

    private final InvoiceService invoices;
    private final CreditScoring scoring;

    NightlyScoring(InvoiceService invoices, CreditScoring scoring) {
        this.invoices = invoices;
        this.scoring = scoring;
    }

    @Scheduled(cron = "${o2c.credit.scoring.nightly-cron:0 30 2 * * *}", zone = "${o2c.time-zone:UTC}")
    public void scheduled() {
        run();
    }

    /** One transaction per customer: one customer's failure is logged and does not stop the others. */
    public Summary run() {
        int scored = 0;
        int changed = 0;
        int failed = 0;
        for (long customerId : invoices.customersWithOpenInvoices()) {
            try {
                if (scoring.recompute(customerId, ScoreTrigger.nightly()).recorded()) {
                    changed++;
                }
                scored++;
            } catch (RuntimeException e) {
                failed++;
                log.warn("nightly credit score of customer {} failed: {}", customerId, e.getMessage());
            }
        }
        log.info(
                "nightly credit scoring: {} customers scored, {} with a new score, {} failed", scored, changed, failed);
        return new Summary(scored, changed, failed);
    }

    public record Summary(int scored, int changed, int failed) {}
}
