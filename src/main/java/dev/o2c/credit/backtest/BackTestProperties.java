package dev.o2c.credit.backtest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param defaultDecisions how many of the latest recorded decisions (or scored customers) a back-test replays when the
 *     request does not say
 * @param maxDecisions the most a request may ask for (each is one DMN evaluation inside the request)
 * @param maxBytes the largest DMN file accepted (a decision table of this application is a few dozen KB)
 */
@ConfigurationProperties(prefix = "o2c.credit.backtest")
public record BackTestProperties(Integer defaultDecisions, Integer maxDecisions, Long maxBytes) {

    public BackTestProperties {
        if (maxDecisions == null || maxDecisions < 1) {
            maxDecisions = 5000;
        }
        if (defaultDecisions == null || defaultDecisions < 1) {
            defaultDecisions = 500;
        }
        defaultDecisions = Math.min(defaultDecisions, maxDecisions);
        if (maxBytes == null || maxBytes < 1) {
            maxBytes = 1024L * 1024;
        }
    }
}
