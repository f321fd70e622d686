package dev.o2c.collections.writeoffs;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * o2c.collections.write-off.*: {@code auto-tolerance} is the open amount, per currency, below which what a payment
 * leaves on an invoice is written off by the system without asking anyone ({@code default} for currencies not listed;
 * 1.00 when nothing is configured). Zero switches the automatic write-off off.
 */
@ConfigurationProperties(prefix = "o2c.collections.write-off")
public record WriteOffSettings(Map<String, BigDecimal> autoTolerance) {

    static final String DEFAULT = "default";
    static final BigDecimal BUILT_IN = new BigDecimal("1.00");

    public WriteOffSettings {
        autoTolerance = autoTolerance == null ? Map.of() : Map.copyOf(autoTolerance);
    }

    /** The largest residual written off automatically in {@code currency}. */
    public BigDecimal autoToleranceFor(String currency) {
        return autoTolerance.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(currency))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseGet(() -> autoTolerance.getOrDefault(DEFAULT, BUILT_IN));
    }
}
