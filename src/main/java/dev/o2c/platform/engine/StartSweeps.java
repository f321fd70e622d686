package dev.o2c.platform.engine;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop of a start sweep: starts the process of each record that has none recorded. One that fails (the engine is
 * away) is logged and stays as it is for the next sweep, so one bad record never stops the others.
 */
public final class StartSweeps {

    private static final Logger log = LoggerFactory.getLogger(StartSweeps.class);

    private StartSweeps() {}

    /** Returns how many of {@code unstarted} it started. */
    public static <T> int startEach(String kind, List<T> unstarted, ToLongFunction<T> id, Consumer<T> start) {
        int started = 0;
        for (T record : unstarted) {
            try {
                start.accept(record);
                started++;
            } catch (RuntimeException e) {
                log.warn(
                        "{} {}: its process could not be started yet: {}",
                        kind,
                        id.applyAsLong(record),
                        e.getMessage());
            }
        }
        return started;
    }
}
