package dev.o2c.collections.writeoffs;

import dev.o2c.platform.engine.StartSweeps;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A write-off commits before its approval process starts (so one open write-off per invoice holds in the database).
 * Should the application stop in between, the invoice would stay blocked for write-offs with nobody asked to approve:
 * this sweep starts the approval of every requested write-off that has no instance recorded after
 * {@code o2c.write-offs.start-grace}.
 */
@Component
class WriteOffStartSweep {

    static final String ACTOR = "system:write-off-start-sweep";

    private final WriteOffs writeOffs;
    private final Clock clock;
    private final Duration grace;

    WriteOffStartSweep(WriteOffs writeOffs, Clock clock, @Value("${o2c.write-offs.start-grace:PT5M}") Duration grace) {
        this.writeOffs = writeOffs;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(fixedDelayString = "${o2c.write-offs.start-sweep:PT1M}", initialDelayString = "PT1M")
    public void startMissed() {
        startMissed(grace);
    }

    /** Starts the approval of each write-off requested more than {@code grace} ago without one; returns how many. */
    int startMissed(Duration grace) {
        return StartSweeps.startEach(
                "write-off",
                writeOffs.unstartedRequestedBefore(clock.instant().minus(grace)),
                WriteOff::getId,
                missed -> writeOffs.restart(missed, ACTOR));
    }
}
