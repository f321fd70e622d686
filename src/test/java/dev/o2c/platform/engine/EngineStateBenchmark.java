package dev.o2c.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.ZeebeFuture;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.process.test.engine.RocksDbStateEngineFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Why the embedded engine keeps its state in RocksDB: the same engine, once with Zeebe Process Test's in-memory state
 * (its {@code EngineFactory}) and once with Zeebe's RocksDB state ({@link RocksDbStateEngineFactory}), in one run. Each
 * holds a growing number of process instances waiting for a message (as open invoices wait for their payment); at each
 * size it measures how fast the engine starts more such instances and correlates messages to waiting ones. The figure
 * that matters is each engine's rate with many waiting instances against its own rate with none, measured minutes
 * apart on the same machine. Run with {@code ./mvnw -Pbenchmark test -Dtest=EngineStateBenchmark}
 * ({@code -Dbenchmark.waiting=0,1000,4000}, {@code -Dbenchmark.sample=400}).
 */
@Tag("benchmark")
class EngineStateBenchmark {

    private static final String PROCESS = "await-payment";
    private static final int IN_FLIGHT = 32;

    record Figures(int waiting, double startsPerSecond, double messagesPerSecond) {}

    @Test
    void commandsCostTheSameWhateverTheEngineHolds() throws Exception {
        List<Integer> sizes = java.util.Arrays.stream(
                        System.getProperty("benchmark.waiting", "0,1000,4000").split(","))
                .map(String::trim)
                .map(Integer::valueOf)
                .toList();
        int sample = Integer.getInteger("benchmark.sample", 400);

        Path state = Files.createTempDirectory("engine-state-benchmark-");
        List<Figures> inMemory = measure(port -> EngineFactory.create(port), sizes, sample);
        List<Figures> rocksDb = measure(
                port -> RocksDbStateEngineFactory.create(port, state.toFile()).engine(), sizes, sample);

        System.out.println();
        System.out.println(
                "  | state store                   | waiting instances | instances started/s | messages correlated/s |");
        System.out.println(
                "  |-------------------------------|-------------------|---------------------|-----------------------|");
        print("ZPT in-memory (EngineFactory)", inMemory);
        print("Zeebe RocksDB (embedded now)", rocksDb);
        ratio("ZPT in-memory", inMemory);
        ratio("Zeebe RocksDB", rocksDb);
        assertThat(rocksDb).hasSize(sizes.size());
    }

    private static List<Figures> measure(IntFunction<ZeebeTestEngine> factory, List<Integer> sizes, int sample)
            throws Exception {
        ZeebeTestEngine engine = factory.apply(freePort());
        engine.start();
        List<Figures> figures = new ArrayList<>();
        // a loaded machine can keep one command waiting for longer than the client's default of 10 s
        try (ZeebeClient client = ZeebeClient.newClientBuilder()
                .gatewayAddress(engine.getGatewayAddress())
                .usePlaintext()
                .defaultRequestTimeout(Duration.ofMinutes(5))
                .build()) {
            client.newDeployResourceCommand()
                    .addProcessModel(
                            Bpmn.createExecutableProcess(PROCESS)
                                    .startEvent()
                                    .intermediateCatchEvent(
                                            "paid",
                                            e -> e.message(m -> m.name("paid").zeebeCorrelationKeyExpression("key")))
                                    .endEvent()
                                    .done(),
                            PROCESS + ".bpmn")
                    .send()
                    .join();
            // warm-up: the JIT compiles the engine's paths before anything is measured
            start(client, "warm", 0, 2 * sample);
            correlate(client, "warm", 0, 2 * sample);
            int waiting = 0;
            for (int size : sizes) {
                if (size > waiting) {
                    start(client, "held", waiting, size - waiting);
                    waiting = size;
                }
                long began = System.nanoTime();
                start(client, "probe-" + size, 0, sample);
                double starts = sample / seconds(began);
                began = System.nanoTime();
                correlate(client, "probe-" + size, 0, sample);
                double messages = sample / seconds(began);
                figures.add(new Figures(size, starts, messages));
            }
        } finally {
            engine.stop();
        }
        return figures;
    }

    private static void start(ZeebeClient client, String prefix, int from, int count) {
        inFlight(count, i -> client.newCreateInstanceCommand()
                .bpmnProcessId(PROCESS)
                .latestVersion()
                .variables(Map.of("key", prefix + "-" + (from + i)))
                .send());
    }

    private static void correlate(ZeebeClient client, String prefix, int from, int count) {
        inFlight(count, i -> client.newPublishMessageCommand()
                .messageName("paid")
                .correlationKey(prefix + "-" + (from + i))
                .timeToLive(Duration.ZERO)
                .send());
    }

    /** Sends {@code count} commands with at most {@link #IN_FLIGHT} waiting for the engine's answer. */
    private static void inFlight(int count, Function<Integer, ZeebeFuture<?>> command) {
        Deque<ZeebeFuture<?>> pending = new ArrayDeque<>();
        for (int i = 0; i < count; i++) {
            if (pending.size() == IN_FLIGHT) {
                pending.removeFirst().join();
            }
            pending.addLast(command.apply(i));
        }
        pending.forEach(ZeebeFuture::join);
    }

    private static void print(String store, List<Figures> figures) {
        for (Figures f : figures) {
            System.out.printf(
                    "  | %-29s | %,17d | %,19.0f | %,21.0f |%n",
                    store, f.waiting(), f.startsPerSecond(), f.messagesPerSecond());
        }
    }

    private static void ratio(String store, List<Figures> figures) {
        Figures none = figures.getFirst();
        Figures most = figures.getLast();
        System.out.printf(
                "  %s: with %,d waiting instances, starts at %.2f and messages at %.2f of its pace with %,d%n",
                store,
                most.waiting(),
                most.startsPerSecond() / none.startsPerSecond(),
                most.messagesPerSecond() / none.messagesPerSecond(),
                none.waiting());
    }

    private static double seconds(long began) {
        return (System.nanoTime() - began) / 1e9;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
