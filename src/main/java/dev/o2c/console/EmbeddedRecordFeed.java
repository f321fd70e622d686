package dev.o2c.console;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * In embedded mode the engine's own record stream feeds the console: every few hundred milliseconds the records
 * after the last projected position are applied. Against a cluster there is no such stream in the application; see
 * the README on how an exporter feeds the same projection.
 */
@Component
class EmbeddedRecordFeed {

  private static final int BATCH = 5_000;
  private static final int MAX_ATTEMPTS = 20;

  private final ObjectProvider<ZeebeTestEngine> engine;
  private final RecordProjection projection;

  EmbeddedRecordFeed(ObjectProvider<ZeebeTestEngine> engine, RecordProjection projection) {
    this.engine = engine;
    this.projection = projection;
  }

  @Scheduled(fixedDelayString = "${o2c.console.poll:PT0.3S}")
  public synchronized void poll() {
    ZeebeTestEngine embedded = engine.getIfAvailable();
    if (embedded == null) {
      return;
    }
    List<Record<?>> fresh = freshRecords(embedded, projection.lastPosition());
    for (int from = 0; from < fresh.size(); from += BATCH) {
      projection.apply(fresh.subList(from, Math.min(fresh.size(), from + BATCH)));
    }
  }

  /** The engine appends while we read: a read it interrupts is simply done again. */
  private static List<Record<?>> freshRecords(ZeebeTestEngine embedded, long after) {
    for (int attempt = 1; ; attempt++) {
      try {
        List<Record<?>> fresh = new ArrayList<>();
        for (Record<?> record : embedded.getRecordStreamSource().getRecords()) {
          if (record.getPosition() > after) {
            fresh.add(record);
          }
        }
        return fresh;
      } catch (ConcurrentModificationException e) {
        if (attempt == MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
