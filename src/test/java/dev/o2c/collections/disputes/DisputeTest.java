package dev.o2c.collections.disputes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A dispute's status moves only forward: OPEN -> (ESCALATED ->) one resolution, and a resolution is final. */
class DisputeTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void acceptingAllOrPartOfTheDisputedAmountNamesTheResolution() {
        Dispute full = dispute("400.00");
        full.accept(new BigDecimal("400.00"), 7, "sales", NOW);
        assertThat(full.getStatus()).isEqualTo(DisputeStatus.ACCEPTED);
        assertThat(full.getCreditNoteId()).isEqualTo(7);
        assertThat(full.getResolvedBy()).isEqualTo("sales");

        Dispute part = dispute("400.00");
        part.escalate();
        part.accept(new BigDecimal("150.00"), 8, "manager", NOW);
        assertThat(part.getStatus()).isEqualTo(DisputeStatus.PARTIALLY_ACCEPTED);
        assertThat(part.getAcceptedAmount()).isEqualByComparingTo("150.00");
    }

    @Test
    void aResolvedDisputeCannotBeEscalatedReopenedOrResolvedAgain() {
        Dispute rejected = dispute("100.00");
        rejected.reject("Delivery note signed", "clerk", NOW);
        assertThat(rejected.getStatus()).isEqualTo(DisputeStatus.REJECTED);
        assertThat(rejected.getRejectionReason()).isEqualTo("Delivery note signed");

        assertThatThrownBy(rejected::escalate).isInstanceOf(IllegalDisputeTransitionException.class);
        assertThatThrownBy(() -> rejected.accept(BigDecimal.ONE, 1, "clerk", NOW))
                .isInstanceOf(IllegalDisputeTransitionException.class)
                .hasMessageContaining("REJECTED");
        assertThatThrownBy(() -> rejected.cancel("system", NOW)).isInstanceOf(IllegalDisputeTransitionException.class);

        Dispute escalated = dispute("100.00");
        escalated.escalate();
        assertThatThrownBy(escalated::escalate).isInstanceOf(IllegalDisputeTransitionException.class);
    }

    @Test
    void onlyOpenAndEscalatedDisputesHoldBackDunning() {
        assertThat(DisputeStatus.values())
                .filteredOn(DisputeStatus::isUnresolved)
                .containsExactly(DisputeStatus.OPEN, DisputeStatus.ESCALATED);
        for (DisputeStatus status : DisputeStatus.values()) {
            assertThat(status.canMoveTo(DisputeStatus.OPEN))
                    .as("%s -> OPEN", status)
                    .isFalse();
            if (!status.isUnresolved()) {
                assertThat(DisputeStatus.values()).as("%s is final", status).noneMatch(status::canMoveTo);
            }
        }
    }

    private static Dispute dispute(String amount) {
        return new Dispute(
                1, "INV-2026-000001", 2, "EUR", new BigDecimal(amount), DisputeReason.PRICE, null, "collector", NOW);
    }
}
