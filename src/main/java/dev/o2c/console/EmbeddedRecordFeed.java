package dev.o2c.console;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import java.util.ArrayList;
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

  private final ObjectProvider<ZeebeTestEngine> engine;
  private final RecordProjection projection;

  EmbeddedRecordFeed(ObjectProvider<ZeebeTestEngine> engine, RecordProjection projection) {
    this.engine = engine;
    this.projection = projection;
  }

  @Scheduled(fixedDelayString = "${o2c.console.poll:PT0.3S}")
  public void poll() {
    ZeebeTestEngine embedded = engine.getIfAvailable();
    if (embedded == null) {
      return;
    }
    long last = projection.lastPosition();
    List<Record<?>> fresh = new ArrayList<>();
    for (Record<?> record : embedded.getRecordStreamSource().getRecords()) {
      if (record.getPosition() > last) {
        fresh.add(record);
        if (fresh.size() == BATCH) {
          projection.apply(fresh);
          fresh.clear();
        }
      }
    }
    if (!fresh.isEmpty()) {
      projection.apply(fresh);
    }
  }
}
