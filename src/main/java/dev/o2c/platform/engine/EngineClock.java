package dev.o2c.platform.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in embedded mode. The in-memory engine's time is the wall clock plus an offset that only
 * grows; this clock carries the same offset so that "today" for due dates and timers is one and the same.
 */
public final class EngineClock extends Clock {

    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    public EngineClock(ZoneId zone) {
        this(zone, new AtomicReference<>(Duration.ZERO));
    }

    private EngineClock(ZoneId zone, AtomicReference<Duration> offset) {
        this.zone = zone;
        this.offset = offset;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new EngineClock(other, offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    Duration offset() {
        return offset.get();
    }

    void advance(Duration duration) {
        offset.accumulateAndGet(duration, Duration::plus);
    }
}
