package dev.o2c.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.spring.properties.CamundaClientProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/** The "camunda" profile (docker compose, production) binds, without connecting to anything. */
class CamundaProfileConfigurationTest {

    @Test
    void defaultsPointAtTheComposeServices() {
        Binder binder = binderFor(Map.of());
        CamundaClientProperties client =
                binder.bind("camunda.client", CamundaClientProperties.class).get();
        assertThat(client.getGrpcAddress()).hasToString("http://localhost:26500");
        assertThat(client.getRestAddress()).hasToString("http://localhost:8088");
        assertThat(client.getPreferRestOverGrpc()).isFalse();
        DataSourceProperties db =
                binder.bind("spring.datasource", DataSourceProperties.class).get();
        assertThat(db.getUrl()).isEqualTo("jdbc:postgresql://localhost:5432/o2c");
        assertThat(binder.bind("o2c.embedded.enabled", Boolean.class).get()).isFalse();
    }

    @Test
    void everyAddressCanBeOverriddenFromTheEnvironment() {
        Binder binder = binderFor(Map.of(
                "ZEEBE_GRPC_ADDRESS", "http://zeebe.internal:26500",
                "ZEEBE_REST_ADDRESS", "http://zeebe.internal:8080",
                "O2C_DB_URL", "jdbc:postgresql://db.internal:5432/ar",
                "O2C_DB_USER", "ar_app",
                "O2C_SMTP_HOST", "smtp.internal",
                "O2C_TIME_ZONE", "Europe/Berlin"));
        CamundaClientProperties client =
                binder.bind("camunda.client", CamundaClientProperties.class).get();
        assertThat(client.getGrpcAddress()).hasToString("http://zeebe.internal:26500");
        assertThat(client.getRestAddress()).hasToString("http://zeebe.internal:8080");
        DataSourceProperties db =
                binder.bind("spring.datasource", DataSourceProperties.class).get();
        assertThat(db.getUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/ar");
        assertThat(db.getUsername()).isEqualTo("ar_app");
        assertThat(binder.bind("spring.mail.host", String.class).get()).isEqualTo("smtp.internal");
        assertThat(binder.bind("o2c.time-zone", String.class).get()).isEqualTo("Europe/Berlin");
    }

    private static Binder binderFor(Map<String, Object> environmentVariables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("env", environmentVariables));
        ConfigDataEnvironmentPostProcessor.applyTo(
                environment, new DefaultResourceLoader(), new DefaultBootstrapContext(), List.of("camunda"));
        return Binder.get(environment);
    }
}
