package dev.o2c.credit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.platform.security.Groups;
import java.math.BigDecimal;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * processes/approval-authority.dmn through {@link ApprovalAuthority}, i.e. Zeebe's own DMN engine: one case per rule,
 * the boundaries of the example policy, and that a larger grant never needs less authority.
 */
class ApprovalAuthorityTableTest {

    private final ApprovalAuthority authority = new ApprovalAuthority();

    record Case(String name, String orderAmount, String overLimit, String riskClass, String group, boolean second) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> oneCasePerRule() {
        return Stream.of(
                new Case(
                        "more than 100,000 over: two managers",
                        "150000",
                        "100000.01",
                        "A",
                        Groups.CREDIT_MANAGERS,
                        true),
                new Case("more than 10,000 over: a manager", "25000", "15000", "B", Groups.CREDIT_MANAGERS, false),
                new Case(
                        "50,000 or more, within the limit: a manager",
                        "50000",
                        "0",
                        "A",
                        Groups.CREDIT_MANAGERS,
                        false),
                new Case(
                        "class C more than 5,000 over: a manager",
                        "12000",
                        "5000.01",
                        "C",
                        Groups.CREDIT_MANAGERS,
                        false),
                new Case("up to 10,000 over: an analyst", "20000", "10000", "B", Groups.CREDIT_ANALYSTS, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneCasePerRule")
    void eachRuleDecidesItsCase(Case rule) {
        AuthorityTable.Required required = authority.required(
                new BigDecimal(rule.orderAmount()), new BigDecimal(rule.overLimit()), rule.riskClass());
        assertThat(required.group()).isEqualTo(rule.group());
        assertThat(required.secondApprover()).isEqualTo(rule.second());
        assertThat(required.authority()).isNotBlank();
    }

    @Test
    void boundariesOfTheExamplePolicy() {
        assertThat(authority
                        .required(new BigDecimal("20000"), new BigDecimal("10000.01"), "A")
                        .group())
                .isEqualTo(Groups.CREDIT_MANAGERS);
        assertThat(authority.required(new BigDecimal("120000"), new BigDecimal("100000"), "A"))
                .isEqualTo(new AuthorityTable.Required(
                        Groups.CREDIT_MANAGERS, false, "More than 10,000 over the limit: a credit manager"));
        assertThat(authority
                        .required(new BigDecimal("49999.99"), BigDecimal.ZERO, "A")
                        .group())
                .isEqualTo(Groups.CREDIT_ANALYSTS);
        assertThat(authority
                        .required(new BigDecimal("9000"), new BigDecimal("5000"), "C")
                        .group())
                .isEqualTo(Groups.CREDIT_ANALYSTS);
    }

    @Test
    void aLargerGrantNeverNeedsLessAuthority() {
        String[] risks = {"A", "B", "C", "D"};
        int[] amounts = {100, 5_000, 20_000, 49_999, 50_000, 200_000};
        int[] overs = {0, 1, 5_000, 5_001, 10_000, 10_001, 50_000, 100_000, 100_001, 150_000};
        for (String risk : risks) {
            for (int amount : amounts) {
                int lastRank = -1;
                boolean lastSecond = false;
                for (int over : overs) {
                    AuthorityTable.Required required =
                            authority.required(BigDecimal.valueOf(amount), BigDecimal.valueOf(over), risk);
                    int rank = AuthorityTable.RANKS.indexOf(required.group());
                    assertThat(rank).as("%s %s over %s", risk, amount, over).isGreaterThanOrEqualTo(lastRank);
                    assertThat(!lastSecond || required.secondApprover())
                            .as("four eyes kept at %s over", over)
                            .isTrue();
                    lastRank = rank;
                    lastSecond = required.secondApprover();
                }
            }
        }
    }

    @Test
    void aManagerHoldsAnAnalystsAuthorityButNotTheOtherWayRound() {
        assertThat(AuthorityTable.holds(Set.of(Groups.CREDIT_MANAGERS), Groups.CREDIT_ANALYSTS))
                .isTrue();
        assertThat(AuthorityTable.holds(Set.of(Groups.CREDIT_ANALYSTS), Groups.CREDIT_MANAGERS))
                .isFalse();
        assertThat(AuthorityTable.holds(Set.of(Groups.SALES), Groups.CREDIT_ANALYSTS))
                .isFalse();
    }
}
