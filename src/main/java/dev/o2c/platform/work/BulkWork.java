package dev.o2c.platform.work;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Knows whether bulk work is running right now (a statement's credits being posted), so that follow-up work which
 * may come a little later (re-scoring the customers who paid) waits until it is over: done once per customer after
 * the statement instead of once per payment while the statement is still posting, and not competing with the
 * postings for the machine. Follow-up work waits only so long ({@link #awaitIdle}), so a system that is never idle
 * still does it.
 */
@Component
public class BulkWork {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int running;

    /** Marks bulk work as running until the returned handle is closed (use it in try-with-resources). */
    public Running begin() {
        lock.lock();
        try {
            running++;
        } finally {
            lock.unlock();
        }
        return new Running();
    }

    public boolean isRunning() {
        lock.lock();
        try {
            return running > 0;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until no bulk work runs, or at most {@code atMost}. True when idle, false when the time ran out (the
     * caller goes on anyway).
     */
    public boolean awaitIdle(Duration atMost) throws InterruptedException {
        long nanos = Math.max(0, atMost.toNanos());
        lock.lock();
        try {
            while (running > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = idle.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void end() {
        lock.lock();
        try {
            if (--running == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** One piece of bulk work; closing it twice ends it once. */
    public final class Running implements AutoCloseable {

        private boolean closed;

        private Running() {}

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                end();
            }
        }
    }
}
