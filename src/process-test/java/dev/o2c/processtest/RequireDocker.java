package dev.o2c.processtest;

import org.testcontainers.DockerClientFactory;

/**
 * Run by the process-test profile before the tests (exec:java, test classpath): Camunda Process Test starts the
 * engine in a container, so without a Docker engine every test would fail at start-up with a long Testcontainers
 * trace. Asking Testcontainers itself honours the same settings CPT uses (DOCKER_HOST, the socket,
 * ~/.testcontainers.properties).
 */
public final class RequireDocker {

    static final String MESSAGE = "Camunda Process Test needs Docker: it runs the Camunda engine in a container"
            + " (Testcontainers), and no Docker engine found; the embedded-engine suite is ./mvnw verify";

    private RequireDocker() {}

    public static void main(String[] args) {
        boolean available;
        try {
            available = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            available = false;
        }
        if (!available) {
            throw new IllegalStateException(MESSAGE);
        }
        System.out.println("Docker found: " + DockerClientFactory.instance().dockerHostIpAddress());
    }
}
