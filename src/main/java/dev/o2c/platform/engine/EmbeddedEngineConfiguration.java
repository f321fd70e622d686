package dev.o2c.platform.engine;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.RocksDbStateEngineFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Embedded mode: the real Zeebe engine runs in this process (Zeebe Process Test's in-memory engine) and the Camunda
 * client talks to it over gRPC exactly as it would talk to a cluster. State is lost on restart.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "o2c.embedded.enabled", havingValue = "true", matchIfMissing = true)
public class EmbeddedEngineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedEngineConfiguration.class);
    static final String ENGINE_BEAN = "zeebeTestEngine";

    @Bean(name = ENGINE_BEAN, destroyMethod = "stop")
    EmbeddedEngine zeebeTestEngine(@Value("${o2c.embedded.engine-port}") int port) throws IOException {
        Path state = Files.createTempDirectory("o2c-engine-state-");
        RocksDbStateEngineFactory.Assembly assembly = RocksDbStateEngineFactory.create(port, state.toFile());
        EmbeddedEngine engine = new EmbeddedEngine(assembly.engine(), assembly.logStream(), state);
        engine.start();
        log.info(
                "Embedded Zeebe engine started; gRPC gateway on {} (state in a temporary directory, gone when it stops)",
                engine.getGatewayAddress());
        return engine;
    }

    /** The client must connect after the engine is up and disconnect before it stops. */
    @Bean
    static BeanFactoryPostProcessor camundaClientDependsOnEmbeddedEngine() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanDefinitionNames()) {
                var definition = beanFactory.getBeanDefinition(name);
                String type = definition.getFactoryMethodName();
                if ("camundaClient".equals(name) || "camundaClient".equals(type)) {
                    String[] current = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                    definition.setDependsOn(Stream.concat(Arrays.stream(current), Stream.of(ENGINE_BEAN))
                            .toArray(String[]::new));
                }
            }
        };
    }

    @Bean
    EngineClock engineClock(@Value("${o2c.time-zone}") ZoneId zone) {
        return new EngineClock(zone);
    }

    @Bean
    TimeTravel timeTravel(ZeebeTestEngine engine, EngineClock clock) {
        return new EmbeddedTimeTravel(engine, clock);
    }
}
