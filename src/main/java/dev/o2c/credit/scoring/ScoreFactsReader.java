package dev.o2c.credit.scoring;

import dev.o2c.billing.InvoiceService;
import dev.o2c.billing.InvoiceService.PaymentBehaviour;
import dev.o2c.credit.CreditExposure;
import dev.o2c.customers.Customer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * Gathers a customer's {@link ScoreFacts}: one aggregate query over that customer's invoices (billing), the exposure
 * from its one owner ({@link CreditExposure}), the bureau's latest rating. Nothing here reads all invoices.
 */
@Component
class ScoreFactsReader {

    static final BigDecimal MAX_UTILISATION = new BigDecimal("999.99");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final InvoiceService invoices;
    private final CreditExposure exposure;
    private final BureauRatings bureau;
    private final Clock clock;

    ScoreFactsReader(InvoiceService invoices, CreditExposure exposure, BureauRatings bureau, Clock clock) {
        this.invoices = invoices;
        this.exposure = exposure;
        this.bureau = bureau;
        this.clock = clock;
    }

    ScoreFacts read(Customer customer) {
        LocalDate today = LocalDate.now(clock);
        PaymentBehaviour paid = invoices.paymentBehaviour(customer.getId(), today);
        BigDecimal owed = exposure.of(customer.getId());
        BureauRatings.BureauRating rating =
                bureau.latest(customer.getId()).orElse(new BureauRatings.BureauRating(null, false));
        LocalDate since = LocalDate.ofInstant(customer.getCreatedAt(), clock.getZone());
        return new ScoreFacts(
                paid.paidCount(),
                oneDecimal(paid.averageDaysBeyondTerms()),
                oneDecimal(paid.recentDaysBeyondTerms()),
                oneDecimal(paid.earlierDaysBeyondTerms()),
                paid.paidCount() == 0
                        ? null
                        : percent(BigDecimal.valueOf(paid.paidLateCount()), BigDecimal.valueOf(paid.paidCount())),
                customer.getCurrency(),
                owed,
                customer.getCreditLimit(),
                utilisation(owed, customer.getCreditLimit()),
                paid.highestDunningLevel(),
                paid.brokenPromises(),
                paid.overdueOpenCount(),
                Math.max(0, ChronoUnit.MONTHS.between(since, today)),
                rating.rating(),
                rating.insolvent());
    }

    /** Exposure in % of the limit, one decimal; no limit but something owed counts as the most there is. */
    static BigDecimal utilisation(BigDecimal exposure, BigDecimal limit) {
        if (exposure.signum() <= 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        if (limit.signum() <= 0) {
            return MAX_UTILISATION;
        }
        return percent(exposure, limit).min(MAX_UTILISATION);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal oneDecimal(BigDecimal value) {
        return value == null ? null : value.setScale(1, RoundingMode.HALF_UP);
    }
}
