package dev.o2c.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** processes/collector-priority.dmn on Zeebe's own DMN engine: the bands, the actions, and what must never happen. */
class CollectorPriorityTableTest {

    private final CollectorPriority table = new CollectorPriority();

    private static CollectorPriority.Facts facts(
            String amount, int days, String risk, long broken, int disputes, boolean promise, int level) {
        return new CollectorPriority.Facts(new BigDecimal(amount), days, risk, broken, disputes, promise, level);
    }

    @Test
    void pointsAddUpOneBandPerFactor() {
        assertThat(table.rank(facts("999.99", 1, "A", 0, 0, false, 1)).priorityScore())
                .isEqualTo(5 + 5);
        assertThat(table.rank(facts("1000", 31, "B", 0, 0, false, 2)).priorityScore())
                .isEqualTo(15 + 15 + 5);
        assertThat(table.rank(facts("5000", 61, "C", 0, 0, false, 3)).priorityScore())
                .isEqualTo(25 + 25 + 10);
        assertThat(table.rank(facts("20000", 91, "D", 0, 0, false, 3)).priorityScore())
                .isEqualTo(35 + 35 + 20);
        assertThat(table.rank(facts("20000", 91, "D", 1, 0, false, 3)).priorityScore())
                .isEqualTo(240);
        assertThat(table.rank(facts("20000", 91, "D", 0, 1, false, 3)).priorityScore())
                .isEqualTo(80);
        assertThat(table.rank(facts("20000", 91, "D", 0, 0, true, 3)).priorityScore())
                .isEqualTo(60);
    }

    @Test
    void aBrokenPromiseOutranksAnyCustomerWithoutOne() {
        int worstWithout =
                table.rank(facts("1000000", 365, "D", 0, 0, false, 3)).priorityScore();
        int leastWith = table.rank(facts("0.01", 1, "A", 1, 1, true, 0)).priorityScore();
        assertThat(leastWith).isGreaterThan(worstWithout);
    }

    @Test
    void theNextBestActionTakesTheMostUrgentCaseFirst() {
        assertThat(action(facts("100", 5, "A", 2, 1, true, 3))).isEqualTo("Call today: a promise to pay was broken");
        assertThat(action(facts("100", 5, "A", 0, 1, true, 3))).isEqualTo("Settle the open dispute before chasing");
        assertThat(action(facts("100", 5, "A", 0, 0, true, 3))).isEqualTo("Wait for promise date");
        assertThat(action(facts("100", 5, "A", 0, 0, false, 3))).isEqualTo("Call today");
        assertThat(action(facts("100", 46, "A", 0, 0, false, 1))).isEqualTo("Call today");
        assertThat(action(facts("100", 20, "A", 0, 0, false, 2))).isEqualTo("Send final notice");
        assertThat(action(facts("100", 3, "A", 0, 0, false, 1))).isEqualTo("Watch: reminders are running");
    }

    @Test
    void moreOfABadFactNeverLowersTheScore() {
        List<String> amounts = List.of("1", "999.99", "1000", "4999.99", "5000", "19999.99", "20000", "1000000");
        List<Integer> days = List.of(1, 30, 31, 60, 61, 90, 91, 400);
        List<String> classes = List.of("A", "B", "C", "D");
        for (String risk : classes) {
            for (int d : days) {
                int previous = Integer.MIN_VALUE;
                for (String amount : amounts) {
                    int score =
                            table.rank(facts(amount, d, risk, 0, 0, false, 1)).priorityScore();
                    assertThat(score).as("%s %s days %s", risk, d, amount).isGreaterThanOrEqualTo(previous);
                    previous = score;
                }
            }
            int previous = Integer.MIN_VALUE;
            for (int d : days) {
                int score = table.rank(facts("5000", d, risk, 0, 0, false, 1)).priorityScore();
                assertThat(score).isGreaterThanOrEqualTo(previous);
                previous = score;
            }
        }
        int previous = Integer.MIN_VALUE;
        for (String risk : classes) {
            int score = table.rank(facts("5000", 40, risk, 0, 0, false, 1)).priorityScore();
            assertThat(score).isGreaterThanOrEqualTo(previous);
            previous = score;
        }
    }

    @Test
    void aTableWithoutAnActionIsRefusedNotDefaulted() throws Exception {
        String dmn = Files.readString(Path.of("processes/collector-priority.dmn"), StandardCharsets.UTF_8)
                .replace("\"Watch: reminders are running\"", "null");
        CollectorPriority broken = new CollectorPriority(dmn.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> broken.rank(facts("100", 3, "A", 0, 0, false, 1)))
                .isInstanceOfSatisfying(InvalidCollectionException.class, e -> assertThat(e.field())
                        .isEqualTo("collector-priority"));
    }

    private String action(CollectorPriority.Facts facts) {
        return table.rank(facts).nextBestAction();
    }
}
