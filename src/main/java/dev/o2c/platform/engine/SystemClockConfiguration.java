package dev.o2c.platform.engine;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Against a real Camunda cluster the engine runs on wall-clock time, and so does the application. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "o2c.embedded.enabled", havingValue = "false")
class SystemClockConfiguration {

    @Bean
    Clock systemClock(@Value("${o2c.time-zone}") ZoneId zone) {
        return Clock.system(zone);
    }
}
