package io.camunda.zeebe.process.test.engine;

import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.util.List;

/**
 * Zeebe Process Test's in-memory engine, assembled exactly as its {@code EngineFactory} does, except for where the
 * engine keeps its state: Zeebe's own RocksDB state store, the one every Zeebe broker uses, instead of the test
 * engine's in-memory map.
 *
 * <p>Why: the test engine's map copies the whole state for every prefix scan and then walks it to the end (8.8.21:
 * {@code InMemoryDbTransaction.newIterator} and {@code InMemoryDbColumnFamily.whileEqualPrefix}), and the engine scans
 * by prefix for almost every command (message subscriptions, timers, variables). Each command therefore costs time in
 * proportion to everything the engine holds: thousands of waiting invoice processes and buffered messages made the
 * embedded engine slower with every instance. RocksDB seeks a prefix in logarithmic time. The log stays in memory, as
 * before, so the record stream, the time travel and the console feed work unchanged; the state directory is a
 * temporary one, gone when the engine stops.
 *
 * <p>It lives in the test engine's package because the engine's parts are package-private there; it creates nothing
 * of its own but the state store.
 */
public final class RocksDbStateEngineFactory {

    private static final int PARTITION_ID = 1;
    private static final int PARTITION_COUNT = 1;

    private RocksDbStateEngineFactory() {}

    /** The engine and the log stream it writes every record to. */
    public record Assembly(ZeebeTestEngine engine, LogStream logStream) {}

    /** The engine with its gRPC gateway on {@code port}, its state in {@code stateDirectory} (which must be empty). */
    public static Assembly create(int port, File stateDirectory) {
        ControlledActorClock clock = new ControlledActorClock();
        ActorScheduler scheduler =
                ActorScheduler.newActorScheduler().setActorClock(clock).build();
        scheduler.start();

        InMemoryLogStorage logStorage = new InMemoryLogStorage();
        LogStream logStream = LogStream.builder()
                .withPartitionId(PARTITION_ID)
                .withLogStorage(logStorage)
                .withClock(clock)
                .withMeterRegistry(new SimpleMeterRegistry())
                .build();
        CommandWriter commandWriter = new CommandWriter(logStream.newLogStreamWriter());
        CommandSender commandSender = new CommandSender(commandWriter);
        GatewayRequestStore requests = new GatewayRequestStore();
        InMemoryJobStreamer jobStreamer = new InMemoryJobStreamer(commandWriter);
        GrpcToLogStreamGateway gateway =
                new GrpcToLogStreamGateway(commandWriter, PARTITION_ID, PARTITION_COUNT, port, requests, jobStreamer);
        Server server = ServerBuilder.forPort(port).addService(gateway).build();
        GrpcResponseWriter responses = new GrpcResponseWriter(gateway, requests, null);

        ZeebeDb<ZbColumnFamilies> state = new ZeebeRocksDbFactory<ZbColumnFamilies>(
                        new RocksDbConfiguration(),
                        new ConsistencyChecksSettings(),
                        new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, PARTITION_ID),
                        SimpleMeterRegistry::new)
                .createDb(stateDirectory);

        SecurityConfiguration security = new SecurityConfiguration();
        security.getAuthorizations().setEnabled(false);
        StreamProcessor streamProcessor = StreamProcessor.builder()
                .logStream(logStream)
                .zeebeDb(state)
                .commandResponseWriter(responses)
                .partitionCommandSender(commandSender)
                .recordProcessors(List.of(new Engine(
                        context -> EngineProcessors.createEngineProcessors(
                                context,
                                PARTITION_COUNT,
                                new SubscriptionCommandSender(context.getPartitionId(), commandSender),
                                commandSender,
                                FeatureFlags.createDefault(),
                                jobStreamer,
                                SearchClientsProxy.noop(),
                                new BrokerRequestAuthorizationConverter(security)),
                        new EngineConfiguration(),
                        security)))
                .actorSchedulingService(scheduler)
                .clock(new ControllableStreamClockImpl(clock))
                .meterRegistry(new SimpleMeterRegistry())
                .build();

        EngineStateMonitor idleMonitor = new EngineStateMonitor(logStorage, streamProcessor);
        RecordStreamSourceImpl records = new RecordStreamSourceImpl(logStream.newLogStreamReader(), PARTITION_ID);
        return new Assembly(
                new InMemoryEngine(
                        server, streamProcessor, gateway, state, logStream, scheduler, records, clock, idleMonitor),
                logStream);
    }
}
