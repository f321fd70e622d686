package dev.o2c.cashapplication;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The finance team's appetite for automatic posting. Below {@code autoPostConfidence} a clerk decides; a short payment
 * up to the tolerance (absolute and relative, whichever is smaller) is accepted and the rest written off as deduction.
 */
@ConfigurationProperties("o2c.cash-application")
public record MatchingPolicy(
        BigDecimal autoPostConfidence,
        BigDecimal shortPaymentTolerance,
        BigDecimal shortPaymentTolerancePercent,
        int discountGraceDays,
        int maxInvoicesPerCombination) {

    public MatchingPolicy {
        autoPostConfidence = autoPostConfidence == null ? new BigDecimal("0.90") : autoPostConfidence;
        shortPaymentTolerance = shortPaymentTolerance == null ? new BigDecimal("5.00") : shortPaymentTolerance;
        shortPaymentTolerancePercent =
                shortPaymentTolerancePercent == null ? new BigDecimal("1.0") : shortPaymentTolerancePercent;
        maxInvoicesPerCombination = maxInvoicesPerCombination <= 0 ? 4 : maxInvoicesPerCombination;
    }

    public static MatchingPolicy defaults() {
        return new MatchingPolicy(null, null, null, 3, 0);
    }

    /** The largest shortfall on {@code owed} that is written off rather than left open. */
    BigDecimal toleranceFor(BigDecimal owed) {
        BigDecimal relative = owed.multiply(shortPaymentTolerancePercent).movePointLeft(2);
        return relative.min(shortPaymentTolerance);
    }

    public boolean autoPosts(BigDecimal confidence) {
        return confidence.compareTo(autoPostConfidence) >= 0;
    }
}
