package dev.o2c.platform.engine;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

final class EmbeddedTimeTravel implements TimeTravel {

    private final ZeebeTestEngine engine;
    private final EngineClock clock;

    EmbeddedTimeTravel(ZeebeTestEngine engine, EngineClock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public synchronized Instant advance(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        // Our clock first: a timer that fires during increaseTime must already see the new "today" in its workers.
        clock.advance(duration);
        engine.increaseTime(duration);
        try {
            engine.waitForIdleState(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            // the engine is still busy with what fired; it continues on its own
        }
        return clock.instant();
    }

    @Override
    public Instant now() {
        return clock.instant();
    }
}
