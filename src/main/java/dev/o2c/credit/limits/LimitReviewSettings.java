package dev.o2c.credit.limits;

import dev.o2c.customers.RiskClass;
import java.math.BigDecimal;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The limit review settings (o2c.credit.limit-review.*). The review interval per risk class is configuration, not a
 * DMN table: it is a calendar setting the daily sweep needs for every customer at once, not a decision on one case's
 * facts, and Zeebe would not evaluate it anyway (the sweep runs in Java); operations change it without a deployment.
 */
@Component
public class LimitReviewSettings {

    private final Map<RiskClass, Period> intervals = new EnumMap<>(RiskClass.class);
    private final BigDecimal ceiling;
    private final int maxPerSweep;

    LimitReviewSettings(
            @Value("${o2c.credit.limit-review.interval.A:P1Y}") Period a,
            @Value("${o2c.credit.limit-review.interval.B:P1Y}") Period b,
            @Value("${o2c.credit.limit-review.interval.C:P3M}") Period c,
            @Value("${o2c.credit.limit-review.interval.D:P3M}") Period d,
            @Value("${o2c.credit.limit-review.ceiling:10000000}") BigDecimal ceiling,
            @Value("${o2c.credit.limit-review.max-per-sweep:500}") int maxPerSweep) {
        intervals.put(RiskClass.A, a);
        intervals.put(RiskClass.B, b);
        intervals.put(RiskClass.C, c);
        intervals.put(RiskClass.D, d);
        this.ceiling = ceiling;
        this.maxPerSweep = maxPerSweep;
    }

    /** How long after its last review (or its creation) a customer of this risk class is reviewed again. */
    public Period interval(RiskClass riskClass) {
        return intervals.get(riskClass);
    }

    /** No limit request or review decision may set a limit above this (in the customer's currency). */
    public BigDecimal ceiling() {
        return ceiling;
    }

    /** At most this many reviews are started per daily sweep, the longest overdue first. */
    public int maxPerSweep() {
        return maxPerSweep;
    }
}
