package dev.o2c.credit.scoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param analystEmail where credit alerts are mailed (the credit analysts' desk; customers have no personal analyst
 *     assigned yet)
 * @param nightlyCron when the nightly re-scoring of customers with open items runs ("-" switches it off)
 * @param bulkHold how long a re-scoring waits at most, after its first event, while bulk work (a statement's postings)
 *     runs; zero scores at once
 */
@ConfigurationProperties(prefix = "o2c.credit.scoring")
public record ScoringProperties(String analystEmail, String nightlyCron, Duration bulkHold) {

    public ScoringProperties {
        if (analystEmail == null || analystEmail.isBlank()) {
            analystEmail = "credit-analysts@example.com";
        }
        if (bulkHold == null) {
            bulkHold = Duration.ofMinutes(2);
        }
        if (bulkHold.isNegative()) {
            throw new IllegalArgumentException("o2c.credit.scoring.bulk-hold must not be negative: " + bulkHold);
        }
    }
}
