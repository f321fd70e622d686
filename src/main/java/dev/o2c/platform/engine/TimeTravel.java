package dev.o2c.platform.engine;

import java.time.Duration;
import java.time.Instant;

/** Moves engine time and the application's "today" forward together. Only the embedded engine can do this. */
public interface TimeTravel {

    /** Advances both clocks and waits until the engine has processed whatever became due. Returns the new time. */
    Instant advance(Duration duration);

    Instant now();
}
