package dev.o2c.platform.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The embedded engine: Zeebe Process Test's engine with its state in a temporary directory, deleted once it has
 * stopped (nothing survives a restart), and its log stream handed to the console's feed, which reads the records from
 * where it last stopped.
 */
public final class EmbeddedEngine implements ZeebeTestEngine {

    private final ZeebeTestEngine engine;
    private final LogStream logStream;
    private final Path stateDirectory;

    EmbeddedEngine(ZeebeTestEngine engine, LogStream logStream, Path stateDirectory) {
        this.engine = engine;
        this.logStream = logStream;
        this.stateDirectory = stateDirectory;
    }

    /** Every record the engine wrote, in order. */
    public LogStream logStream() {
        return logStream;
    }

    @Override
    public void stop() {
        try {
            engine.stop();
        } finally {
            delete(stateDirectory);
        }
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void start() {
        engine.start();
    }

    @Override
    public RecordStreamSource getRecordStreamSource() {
        return engine.getRecordStreamSource();
    }

    @Override
    public ZeebeClient createClient() {
        return engine.createClient();
    }

    @Override
    public ZeebeClient createClient(ObjectMapper objectMapper) {
        return engine.createClient(objectMapper);
    }

    @Override
    public String getGatewayAddress() {
        return engine.getGatewayAddress();
    }

    @Override
    public void increaseTime(Duration timeToAdd) {
        engine.increaseTime(timeToAdd);
    }

    @Override
    public void waitForIdleState(Duration timeout) throws InterruptedException, TimeoutException {
        engine.waitForIdleState(timeout);
    }

    @Override
    public void waitForBusyState(Duration timeout) throws InterruptedException, TimeoutException {
        engine.waitForBusyState(timeout);
    }
}
