package dev.o2c.console;

import dev.o2c.platform.engine.EmbeddedEngine;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.protocol.impl.record.CopiedRecord;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.record.Record;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * In embedded mode the engine's own log feeds the console: every few hundred milliseconds the records after the last
 * projected position are read and applied. Against a cluster there is no such log in the application; the console
 * reads the cluster's query API instead ({@link ClusterConsoleSource}).
 *
 * <p>The feed reads the engine's log with a reader of its own that seeks to the last projected position, so a poll
 * costs what is new, not what ever happened. It does not use the engine's {@code RecordStreamSource.getRecords()}:
 * that keeps every record it ever decoded in a list and hands the whole list to each caller, so walking it costs more
 * with every instance (issue 13). Only the records the console shows (events of processes, elements, jobs,
 * incidents and variables) are decoded; the others are passed over by their header.
 */
@Component
class EmbeddedRecordFeed {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRecordFeed.class);
    /** Records per projection transaction: large enough to be cheap, small enough to keep transactions short. */
    private static final int BATCH = 2_000;

    private final ObjectProvider<EmbeddedEngine> engine;
    private final RecordProjection projection;
    private LogStreamReader reader;
    private int partitionId;
    private long unreadableOnce = -1;

    EmbeddedRecordFeed(ObjectProvider<EmbeddedEngine> engine, RecordProjection projection) {
        this.engine = engine;
        this.projection = projection;
    }

    @Scheduled(fixedDelayString = "${o2c.console.poll:PT0.3S}")
    public synchronized void poll() {
        EmbeddedEngine embedded = engine.getIfAvailable();
        if (embedded == null) {
            return;
        }
        if (reader == null) {
            LogStream logStream = embedded.logStream();
            reader = logStream.newLogStreamReader();
            partitionId = logStream.getPartitionId();
        }
        long position = projection.lastPosition();
        reader.seekToNextEvent(position);
        List<Record<?>> batch = new ArrayList<>();
        long readUpTo = position;
        int read = 0;
        while (reader.hasNext()) {
            LoggedEvent event = reader.next();
            if (event.getPosition() <= position) {
                continue;
            }
            try {
                Record<?> record = shownRecord(event);
                if (record != null) {
                    batch.add(record);
                }
            } catch (RuntimeException unreadable) {
                // Apply what came before it first: skipping moves the position past this record.
                projection.apply(batch, readUpTo);
                batch.clear();
                if (unreadableOnce != event.getPosition()) {
                    // The log is appended while we read it: give the record one more poll before calling it unreadable.
                    unreadableOnce = event.getPosition();
                    log.warn(
                            "Console feed could not read the record at position {}; trying again", event.getPosition());
                    return;
                }
                projection.skip(event.getPosition(), "UNREADABLE", "UNREADABLE", event.getKey(), unreadable);
            }
            readUpTo = event.getPosition();
            if (++read == BATCH) {
                projection.apply(batch, readUpTo);
                batch.clear();
                read = 0;
            }
        }
        if (readUpTo > position) {
            projection.apply(batch, readUpTo);
        }
    }

    /** The record decoded, or null when the console does not show its kind (read from its header alone). */
    private Record<?> shownRecord(LoggedEvent event) {
        RecordMetadata metadata = new RecordMetadata();
        event.readMetadata(metadata);
        if (!RecordProjection.shows(metadata.getRecordType(), metadata.getValueType())) {
            return null;
        }
        UnifiedRecordValue value = UnifiedRecordValue.fromValueType(metadata.getValueType());
        event.readValue(value);
        return new CopiedRecord<>(
                value,
                metadata,
                event.getKey(),
                partitionId,
                event.getPosition(),
                event.getSourceEventPosition(),
                event.getTimestamp());
    }
}
