package dev.o2c.credit.bureau;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The credit-bureau port's one adapter, over HTTP. In embedded mode the {@link CreditBureauSimulator} runs on a local
 * port and the adapter points at it; otherwise (profile camunda, docker compose) no simulator starts and
 * {@code o2c.credit-bureau.base-url} must name the real bureau: the application refuses to start without it.
 */
@Configuration
@EnableConfigurationProperties(CreditBureauProperties.class)
class CreditBureauConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "o2c.credit-bureau.simulator.enabled", havingValue = "true")
    CreditBureauSimulator creditBureauSimulator(CreditBureauProperties properties, Clock clock) throws IOException {
        return new CreditBureauSimulator(
                properties.simulator().port(),
                properties.apiKey(),
                properties.simulator().slowDelay(),
                clock);
    }

    @Bean
    CreditBureau creditBureau(
            CreditBureauProperties properties, ObjectProvider<CreditBureauSimulator> simulator, Clock clock) {
        CreditBureauSimulator local = simulator.getIfAvailable();
        URI base = local != null ? local.baseUrl() : properties.baseUrl();
        if (base == null || base.toString().isBlank()) {
            throw new IllegalStateException("o2c.credit-bureau.base-url is not set: name the credit bureau's base URL"
                    + " (environment O2C_CREDIT_BUREAU_URL), or run embedded mode, which starts the bureau simulator");
        }
        if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme())) {
            throw new IllegalStateException("o2c.credit-bureau.base-url must be an http(s) URL: " + base);
        }
        return new HttpCreditBureau(
                () -> base,
                properties.apiKey(),
                properties.connectTimeout(),
                properties.timeout(),
                properties.maxResponseBytes(),
                clock);
    }
}
