package dev.o2c.credit.scoring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param analystEmail where credit alerts are mailed (the credit analysts' desk; customers have no personal analyst
 *     assigned yet)
 * @param nightlyCron when the nightly re-scoring of customers with open items runs ("-" switches it off)
 */
@ConfigurationProperties(prefix = "o2c.credit.scoring")
public record ScoringProperties(String analystEmail, String nightlyCron) {

    public ScoringProperties {
        if (analystEmail == null || analystEmail.isBlank()) {
            analystEmail = "credit-analysts@example.com";
        }
    }
}
