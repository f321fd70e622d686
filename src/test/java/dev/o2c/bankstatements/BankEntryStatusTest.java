package dev.o2c.bankstatements;

import static dev.o2c.bankstatements.BankEntryStatus.MATCHED;
import static dev.o2c.bankstatements.BankEntryStatus.NEEDS_CLERK;
import static dev.o2c.bankstatements.BankEntryStatus.NOT_APPLICABLE;
import static dev.o2c.bankstatements.BankEntryStatus.POSTED;
import static dev.o2c.bankstatements.BankEntryStatus.SET_ASIDE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BankEntryStatusTest {

    @Test
    void aTrustedMatchIsPostedOrGoesToAClerkWhenItWentStale() {
        assertThat(allowedFrom(MATCHED)).containsExactlyInAnyOrder(POSTED, NEEDS_CLERK);
    }

    @Test
    void aClerkMatchesOrSetsAside() {
        assertThat(allowedFrom(NEEDS_CLERK)).containsExactlyInAnyOrder(MATCHED, SET_ASIDE);
    }

    @Test
    void postedSetAsideAndDebitsAreFinal() {
        for (BankEntryStatus end : EnumSet.of(POSTED, SET_ASIDE, NOT_APPLICABLE)) {
            assertThat(allowedFrom(end)).as(end.name()).isEmpty();
            assertThat(end.inProgress()).isFalse();
        }
        assertThat(MATCHED.inProgress()).isTrue();
        assertThat(NEEDS_CLERK.inProgress()).isTrue();
    }

    private static Set<BankEntryStatus> allowedFrom(BankEntryStatus from) {
        Set<BankEntryStatus> allowed = EnumSet.noneOf(BankEntryStatus.class);
        for (BankEntryStatus target : BankEntryStatus.values()) {
            if (from.canMoveTo(target)) {
                allowed.add(target);
            }
        }
        return allowed;
    }
}
