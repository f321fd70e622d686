package dev.o2c.credit.bureau;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code o2c.credit-bureau.*}: where the bureau is and how long to wait for it.
 *
 * @param baseUrl the bureau's base URL (requests go to {@code {baseUrl}/v1/company-reports}); ignored when the
 *     simulator runs (the adapter then points at it), required otherwise
 * @param apiKey sent as header {@code X-Api-Key}
 * @param connectTimeout how long to wait for a connection
 * @param timeout how long to wait for the whole answer (headers and body)
 * @param maxResponseBytes answers larger than this are refused as malformed
 * @param reportValidity how long a fetched report is used before the bureau is asked again
 * @param simulator the local stand-in for a real bureau (embedded mode only)
 */
@ConfigurationProperties(prefix = "o2c.credit-bureau")
public record CreditBureauProperties(
        URI baseUrl,
        String apiKey,
        @DefaultValue("PT2S") Duration connectTimeout,
        @DefaultValue("PT5S") Duration timeout,
        @DefaultValue("65536") int maxResponseBytes,
        @DefaultValue("P30D") Duration reportValidity,
        @DefaultValue Simulator simulator) {

    /**
     * @param enabled start {@link CreditBureauSimulator} (embedded mode); never in the production shape
     * @param port local port, 0 = any free port
     * @param slowDelay how long the simulator's slow company ({@code ZZSLOW}) keeps the caller waiting
     */
    public record Simulator(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("0") int port,
            @DefaultValue("PT10S") Duration slowDelay) {}
}
