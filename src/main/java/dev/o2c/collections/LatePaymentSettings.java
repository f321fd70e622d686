package dev.o2c.collections;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * o2c.collections.late-payment.*: the amounts of late-payment charges (whether a reminder charges them is the
 * dunning-policy table's decision). The EU late-payment rule (Directive 2011/7/EU) for business customers: interest at
 * the reference rate plus {@code points-above-reference} (8) percentage points a year, and a fixed compensation for
 * recovery costs of 40 EUR (its equivalent configured per currency; a currency without one is charged no fee). The
 * reference rate changes every half year (the ECB main refinancing rate, or the national reference rate): keep
 * {@code interest.reference-rate-percent} current.
 */
@ConfigurationProperties(prefix = "o2c.collections.late-payment")
public record LatePaymentSettings(Interest interest, Map<String, BigDecimal> recoveryFee) {

    public record Interest(BigDecimal referenceRatePercent, BigDecimal pointsAboveReference) {

        public Interest {
            referenceRatePercent = referenceRatePercent == null ? BigDecimal.ZERO : referenceRatePercent;
            pointsAboveReference = pointsAboveReference == null ? new BigDecimal("8") : pointsAboveReference;
        }
    }

    public LatePaymentSettings {
        interest = interest == null ? new Interest(null, null) : interest;
        recoveryFee = recoveryFee == null ? Map.of() : Map.copyOf(recoveryFee);
    }

    /** The yearly late-payment interest rate in percent: reference rate plus the points above it. */
    public BigDecimal yearlyInterestPercent() {
        return interest.referenceRatePercent().add(interest.pointsAboveReference());
    }

    /** The fixed recovery fee in {@code currency}, if one is configured for it. */
    public Optional<BigDecimal> recoveryFeeIn(String currency) {
        return recoveryFee.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(currency))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
