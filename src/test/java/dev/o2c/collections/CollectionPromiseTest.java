package dev.o2c.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A promise's status changes: OPEN settles once, to KEPT, BROKEN or REPLACED, and never again. */
class CollectionPromiseTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    /** 300 of an invoice with 1000 open and 5 charged when promised. */
    private static CollectionPromise promise() {
        return new CollectionPromise(
                1L,
                2L,
                LocalDate.parse("2026-02-20"),
                new BigDecimal("300.00"),
                "EUR",
                new BigDecimal("1000.00"),
                new BigDecimal("5.00"),
                "collector",
                NOW);
    }

    @Test
    void keptWhenThePromisedAmountWasPaidEvenIfDunningAddedCharges() {
        CollectionPromise promise = promise();
        // 300 paid, then 10 fee added: 710 open, 15 charged
        assertThat(promise.resolve(new BigDecimal("710.00"), new BigDecimal("15.00"), NOW))
                .isEqualTo(CollectionPromise.Status.KEPT);
        assertThat(promise.getResolvedAt()).isEqualTo(NOW);
    }

    @Test
    void brokenWhenLessThanPromisedWasPaid() {
        CollectionPromise promise = promise();
        assertThat(promise.resolve(new BigDecimal("710.01"), new BigDecimal("15.00"), NOW))
                .isEqualTo(CollectionPromise.Status.BROKEN);
    }

    @Test
    void keptWhenNothingIsOpenAnyMore() {
        assertThat(promise().resolve(BigDecimal.ZERO, new BigDecimal("5.00"), NOW))
                .isEqualTo(CollectionPromise.Status.KEPT);
    }

    @Test
    void aSettledPromiseNeverChangesAgain() {
        CollectionPromise broken = promise();
        broken.resolve(new BigDecimal("1000.00"), new BigDecimal("5.00"), NOW);
        assertThatThrownBy(() -> broken.resolve(BigDecimal.ZERO, BigDecimal.ZERO, NOW))
                .isInstanceOf(IllegalCollectionTransitionException.class);
        assertThatThrownBy(() -> broken.replace(NOW)).isInstanceOf(IllegalCollectionTransitionException.class);

        CollectionPromise replaced = promise();
        replaced.replace(NOW);
        assertThat(replaced.getStatus()).isEqualTo(CollectionPromise.Status.REPLACED);
        assertThatThrownBy(() -> replaced.resolve(BigDecimal.ZERO, BigDecimal.ZERO, NOW))
                .isInstanceOf(IllegalCollectionTransitionException.class);
    }
}
