package dev.o2c.platform.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * An engine port of 0 means "any free port" (tests, several instances on one machine). The client's gRPC address is
 * derived from the port, so the choice is made before any bean reads it.
 */
public class EmbeddedPortAllocator implements EnvironmentPostProcessor {

    static final String PORT_PROPERTY = "o2c.embedded.engine-port";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("o2c.embedded.enabled", Boolean.class, true)) {
            return;
        }
        Integer port = environment.getProperty(PORT_PROPERTY, Integer.class);
        if (port != null && port == 0) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource("o2cEmbeddedEnginePort", Map.of(PORT_PROPERTY, freePort())));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the embedded engine", e);
        }
    }
}
