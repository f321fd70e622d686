package dev.o2c.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Embedded mode: a real PostgreSQL server started from the zonky binaries, with a fresh data directory each run. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "o2c.embedded.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${o2c.embedded.postgres-port:0}") int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL started: {}", postgres.getJdbcUrl("postgres", "postgres"));
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, @Value("${o2c.embedded.pool-size:16}") int poolSize) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        dataSource.setMaximumPoolSize(poolSize);
        // a batch of inserts (journal lines, pooled-id rows) travels as one multi-row insert
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        return dataSource;
    }
}
