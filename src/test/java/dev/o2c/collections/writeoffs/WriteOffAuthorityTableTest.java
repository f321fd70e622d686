package dev.o2c.collections.writeoffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o2c.credit.AuthorityTable;
import dev.o2c.platform.security.Groups;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * processes/write-off-authority.dmn evaluated with Zeebe's own DMN engine (the shared AuthorityTable, ranked
 * collectors below credit managers): every rule at its boundaries.
 */
class WriteOffAuthorityTableTest {

    static final AuthorityTable TABLE = new AuthorityTable(
            "/processes/write-off-authority.dmn", WriteOffAuthority.DECISION, WriteOffAuthority.RANKS);

    record Case(String why, String amount, int daysOverdue, String riskClass, String group, boolean second) {}

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a collector up to 500", "500.00", 60, "B", Groups.COLLECTORS, false),
                new Case("more than 500: a manager", "500.01", 60, "B", Groups.CREDIT_MANAGERS, false),
                new Case("up to 10,000: one manager", "10000.00", 90, "C", Groups.CREDIT_MANAGERS, false),
                new Case("more than 10,000: two managers", "10000.01", 90, "C", Groups.CREDIT_MANAGERS, true),
                new Case("early and up to 100: a collector", "100.00", 0, "B", Groups.COLLECTORS, false),
                new Case("early and more than 100: a manager", "100.01", 29, "B", Groups.CREDIT_MANAGERS, false),
                new Case("30 days overdue is not early", "100.01", 30, "B", Groups.COLLECTORS, false),
                new Case("class A up to 250: a collector", "250.00", 60, "A", Groups.COLLECTORS, false),
                new Case("class A more than 250: a manager", "250.01", 60, "A", Groups.CREDIT_MANAGERS, false));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theTableNamesWhoMayApprove(Case c) {
        AuthorityTable.Required required = TABLE.required(Map.of(
                "amount", new BigDecimal(c.amount()), "daysOverdue", c.daysOverdue(), "riskClass", c.riskClass()));
        assertThat(required.group()).as(c.why()).isEqualTo(c.group());
        assertThat(required.secondApprover()).as(c.why()).isEqualTo(c.second());
        assertThat(required.authority()).as(c.why()).isNotBlank();
    }

    @Test
    void aManagerHoldsACollectorsAuthorityAndNotTheOtherWayRound() {
        assertThat(WriteOffAuthority.RANKS.holds(Set.of(Groups.CREDIT_MANAGERS), Groups.COLLECTORS))
                .isTrue();
        assertThat(WriteOffAuthority.RANKS.holds(Set.of(Groups.COLLECTORS), Groups.CREDIT_MANAGERS))
                .isFalse();
        assertThat(WriteOffAuthority.RANKS.holds(Set.of(Groups.CREDIT_ANALYSTS), Groups.COLLECTORS))
                .isFalse();
        assertThat(WriteOffAuthority.RANKS.groupsHolding(Groups.COLLECTORS))
                .isEqualTo(List.of(Groups.COLLECTORS, Groups.CREDIT_MANAGERS));
        assertThat(WriteOffAuthority.RANKS.groupsHolding(Groups.CREDIT_MANAGERS))
                .isEqualTo(List.of(Groups.CREDIT_MANAGERS));
    }

    @Test
    void aResultNamingAGroupOutsideTheRanksIsAnErrorNotADefault() {
        ObjectMapper json = new ObjectMapper();
        assertThatThrownBy(() -> WriteOffAuthority.read(
                        json.valueToTree(Map.of("approverGroup", Groups.SALES, "secondApprover", false))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown group sales");
        assertThatThrownBy(() -> WriteOffAuthority.read(json.valueToTree(Map.of("secondApprover", false))))
                .isInstanceOf(IllegalStateException.class);
    }
}
