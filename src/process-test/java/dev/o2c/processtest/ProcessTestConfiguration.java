package dev.o2c.processtest;

import com.zaxxer.hikari.HikariDataSource;
import dev.o2c.platform.engine.TimeTravel;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/** What the "camunda" profile takes from outside, provided for a process test without an external database. */
@TestConfiguration(proxyBeanMethods = false)
class ProcessTestConfiguration {

    /** A real PostgreSQL as in embedded mode; the profile's datasource URL backs off for this bean. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres processTestPostgres() throws IOException {
        return EmbeddedPostgres.builder().start();
    }

    @Bean(destroyMethod = "close")
    @Primary
    DataSource processTestDataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        return dataSource;
    }

    @Bean
    @Primary
    EngineTime engineTime(@Value("${o2c.time-zone}") ZoneId zone) {
        return new EngineTime(zone);
    }

    @Bean
    TimeTravel processTestTimeTravel(CamundaProcessTestContext context, EngineTime time) {
        return new TimeTravel() {
            @Override
            public Instant advance(Duration duration) {
                context.increaseTime(duration);
                time.advance(duration);
                return now();
            }

            @Override
            public Instant now() {
                return time.instant();
            }
        };
    }

    /**
     * The application's "today" follows CPT's engine clock: wall clock plus what the test moved forward with
     * {@code increaseTime}. CPT resets its clock after each test; {@link ProcessTestBase} resets this one with it.
     */
    static final class EngineTime extends Clock {
        private final ZoneId zone;
        private final AtomicReference<Duration> offset;

        EngineTime(ZoneId zone) {
            this(zone, new AtomicReference<>(Duration.ZERO));
        }

        private EngineTime(ZoneId zone, AtomicReference<Duration> offset) {
            this.zone = zone;
            this.offset = offset;
        }

        void advance(Duration duration) {
            offset.updateAndGet(current -> current.plus(duration));
        }

        void reset() {
            offset.set(Duration.ZERO);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new EngineTime(other, offset);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }
    }

    /**
     * The default suite's helpers in src/test/java (Scenario, EngineRecords, ...) are components the app's component
     * scan finds on the test classpath; they read the embedded engine, which does not exist here, so they stay out.
     */
    static final class WithoutEmbeddedEngineSupport
            implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        private static final Set<String> EMBEDDED_ONLY = Set.of(
                "dev.o2c.support.EngineRecords",
                "dev.o2c.support.Scenario",
                "dev.o2c.support.Api",
                "dev.o2c.collections.CollectionScenario");

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getBeanFactory()
                    .registerSingleton(WithoutEmbeddedEngineSupport.class.getName(), new TypeExcludeFilter() {
                        @Override
                        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
                            return EMBEDDED_ONLY.contains(
                                    reader.getClassMetadata().getClassName());
                        }

                        @Override
                        public boolean equals(Object other) {
                            return other != null && other.getClass() == getClass();
                        }

                        @Override
                        public int hashCode() {
                            return getClass().hashCode();
                        }
                    });
        }
    }
}
