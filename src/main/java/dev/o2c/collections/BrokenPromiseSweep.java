package dev.o2c.collections;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for promises to pay whose date has passed, every o2c.collections.promise-sweep-interval (default 5 minutes,
 * on the one clock: in embedded mode a jump of the engine's clock is seen at the next sweep). Invoice-collection looks
 * at the invoice again the day after a promise from the follow-up task and escalates by the dunning policy, but does
 * not mark the promise broken, and a promise from the worklist does not move its timer; this sweep settles both.
 */
@Component
class BrokenPromiseSweep {

    private static final Logger log = LoggerFactory.getLogger(BrokenPromiseSweep.class);

    private final PromisesToPay promises;

    BrokenPromiseSweep(PromisesToPay promises) {
        this.promises = promises;
    }

    @Scheduled(
            fixedDelayString = "${o2c.collections.promise-sweep-interval:PT5M}",
            initialDelayString = "${o2c.collections.promise-sweep-interval:PT5M}")
    void sweep() {
        PromisesToPay.Settled settled = promises.settleDue();
        if (settled.kept() + settled.broken() > 0) {
            log.info("promises to pay settled: {} kept, {} broken", settled.kept(), settled.broken());
        }
    }
}
