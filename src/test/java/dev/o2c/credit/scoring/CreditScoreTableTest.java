package dev.o2c.credit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o2c.credit.InvalidCreditException;
import dev.o2c.customers.RiskClass;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scorecard processes/credit-score.dmn evaluated by the DMN engine Zeebe itself uses: one case per band of every
 * factor (the band's rule matches and gives its points), the risk class bands, that every customer on a grid matches
 * exactly one band per factor, and that a broken table is refused instead of giving a default.
 */
class CreditScoreTableTest {

    private static final String[] FACTORS = {"dbt", "trend", "late", "util", "dunning", "promises", "age", "bureau"};
    private static byte[] dmn;
    private static Scorecard scorecard;

    @BeforeAll
    static void readTable() throws Exception {
        try (InputStream in = CreditScoreTableTest.class.getResourceAsStream(Scorecard.TABLE)) {
            dmn = in.readAllBytes();
        }
        scorecard = new Scorecard(dmn);
    }

    /** A customer who matches the best band of every factor: 100 points. */
    static Facts best() {
        return new Facts();
    }

    record Band(String ruleId, UnaryOperator<Facts> change, int points) {
        @Override
        public String toString() {
            return ruleId;
        }
    }

    static Stream<Band> everyBand() {
        return Stream.of(
                new Band("Rule_credit_score_dbt_1", f -> f.set("averageDaysBeyondTerms", null), 15),
                new Band("Rule_credit_score_dbt_2", f -> f.set("averageDaysBeyondTerms", "0"), 25),
                new Band("Rule_credit_score_dbt_3", f -> f.set("averageDaysBeyondTerms", "5"), 20),
                new Band("Rule_credit_score_dbt_4", f -> f.set("averageDaysBeyondTerms", "5.1"), 12),
                new Band("Rule_credit_score_dbt_4", f -> f.set("averageDaysBeyondTerms", "15"), 12),
                new Band("Rule_credit_score_dbt_5", f -> f.set("averageDaysBeyondTerms", "30"), 5),
                new Band("Rule_credit_score_dbt_6", f -> f.set("averageDaysBeyondTerms", "30.1"), 0),
                new Band("Rule_credit_score_trend_1", f -> f.set("recentDaysBeyondTerms", null), 7),
                new Band("Rule_credit_score_trend_2", f -> f.trend("10", "5"), 10),
                new Band("Rule_credit_score_trend_3", f -> f.trend("10", "5.1"), 7),
                new Band("Rule_credit_score_trend_3", f -> f.trend("3", "7.9"), 7),
                new Band("Rule_credit_score_trend_4", f -> f.trend("3", "8"), 3),
                new Band("Rule_credit_score_trend_5", f -> f.trend("3", "18"), 0),
                new Band("Rule_credit_score_late_1", f -> f.set("sharePaidLatePercent", null), 10),
                new Band("Rule_credit_score_late_2", f -> f.set("sharePaidLatePercent", "10"), 15),
                new Band("Rule_credit_score_late_3", f -> f.set("sharePaidLatePercent", "10.1"), 10),
                new Band("Rule_credit_score_late_4", f -> f.set("sharePaidLatePercent", "50"), 5),
                new Band("Rule_credit_score_late_5", f -> f.set("sharePaidLatePercent", "50.1"), 0),
                new Band("Rule_credit_score_util_1", f -> f.set("utilisationPercent", "50"), 15),
                new Band("Rule_credit_score_util_2", f -> f.set("utilisationPercent", "79.9"), 10),
                new Band("Rule_credit_score_util_3", f -> f.set("utilisationPercent", "80"), 5),
                new Band("Rule_credit_score_util_4", f -> f.set("utilisationPercent", "100"), 0),
                new Band("Rule_credit_score_util_4", f -> f.set("utilisationPercent", "999.99"), 0),
                new Band("Rule_credit_score_dunning_1", f -> f.set("highestDunningLevel", 0), 10),
                new Band("Rule_credit_score_dunning_2", f -> f.set("highestDunningLevel", 1), 6),
                new Band("Rule_credit_score_dunning_3", f -> f.set("highestDunningLevel", 2), 3),
                new Band("Rule_credit_score_dunning_4", f -> f.set("highestDunningLevel", 3), 0),
                new Band("Rule_credit_score_promises_1", f -> f.set("brokenPromises", 0L), 10),
                new Band("Rule_credit_score_promises_2", f -> f.set("brokenPromises", 1L), 5),
                new Band("Rule_credit_score_promises_3", f -> f.set("brokenPromises", 2L), 0),
                new Band("Rule_credit_score_age_1", f -> f.set("relationshipMonths", 5L), 0),
                new Band("Rule_credit_score_age_2", f -> f.set("relationshipMonths", 6L), 3),
                new Band("Rule_credit_score_age_3", f -> f.set("relationshipMonths", 24L), 5),
                new Band("Rule_credit_score_bureau_1", f -> f.set("bureauInsolvent", true), 0),
                new Band("Rule_credit_score_bureau_2", f -> f.set("bureauRating", null), 5),
                new Band("Rule_credit_score_bureau_3", f -> f.set("bureauRating", "A"), 10),
                new Band("Rule_credit_score_bureau_4", f -> f.set("bureauRating", "B"), 7),
                new Band("Rule_credit_score_bureau_5", f -> f.set("bureauRating", "C"), 3),
                new Band("Rule_credit_score_bureau_6", f -> f.set("bureauRating", "D"), 0));
    }

    @ParameterizedTest
    @MethodSource("everyBand")
    void eachBandGivesItsPointsAndNothingElseChanges(Band band) {
        Scorecard.Result best = scorecard.evaluate(best().facts());
        assertThat(best.score()).as("the best band of every factor").isEqualTo(100);
        int bestOfFactor = best.contributions().stream()
                .filter(c -> factor(c.ruleId()).equals(factor(band.ruleId())))
                .mapToInt(Scorecard.Contribution::points)
                .sum();

        Scorecard.Result result = scorecard.evaluate(band.change().apply(best()).facts());

        assertThat(result.contributions())
                .filteredOn(c -> factor(c.ruleId()).equals(factor(band.ruleId())))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.ruleId()).isEqualTo(band.ruleId());
                    assertThat(c.points()).isEqualTo(band.points());
                    assertThat(c.factor())
                            .as("the rule's annotation is the factor")
                            .doesNotStartWith("Rule_");
                });
        assertThat(result.score()).isEqualTo(100 - bestOfFactor + band.points());
    }

    @Test
    void everyBandOfTheTableIsCovered() {
        String text = new String(dmn, StandardCharsets.UTF_8);
        List<String> ruleIds = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("<rule id=\"(Rule_credit_score_[^\"]+)\"")
                .matcher(text);
        while (matcher.find()) {
            ruleIds.add(matcher.group(1));
        }
        assertThat(everyBand().map(Band::ruleId).distinct().sorted())
                .containsExactlyElementsOf(ruleIds.stream().sorted().toList());
    }

    @Test
    void everyCustomerOnAGridMatchesExactlyOneBandPerFactorAndScoresWithin0To100() {
        int checked = 0;
        for (String dbt : new String[] {null, "2.5", "9", "45"}) {
            for (String[] trend : new String[][] {{null, null}, {"20", "3"}, {"0", "40"}}) {
                for (String late : new String[] {null, "20", "90"}) {
                    for (String util : new String[] {"0", "65", "85", "150"}) {
                        for (int dunning : new int[] {0, 1, 2, 4}) {
                            for (String rating : new String[] {null, "A", "D"}) {
                                Facts f = best().set("averageDaysBeyondTerms", dbt)
                                        .trend(trend[0], trend[1])
                                        .set("sharePaidLatePercent", late)
                                        .set("utilisationPercent", util)
                                        .set("highestDunningLevel", dunning)
                                        .set("brokenPromises", (long) dunning)
                                        .set("relationshipMonths", (long) dunning * 10)
                                        .set("bureauRating", rating)
                                        .set("bureauInsolvent", dunning == 4);
                                Scorecard.Result result = scorecard.evaluate(f.facts());
                                for (String factor : FACTORS) {
                                    assertThat(result.contributions())
                                            .as("%s on %s", factor, f)
                                            .filteredOn(c -> factor(c.ruleId()).equals(factor))
                                            .hasSize(1);
                                }
                                assertThat(result.score()).isBetween(0, 100);
                                checked++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(4 * 3 * 3 * 4 * 4 * 3);
    }

    static Stream<Object[]> riskClassBands() {
        // best() scores 100; lowering utilisation and dunning points walks the score down
        return Stream.of(
                new Object[] {best(), 100, RiskClass.A},
                new Object[] {best().set("utilisationPercent", "100").set("highestDunningLevel", 1), 81, RiskClass.A},
                new Object[] {
                    best().set("averageDaysBeyondTerms", "20").set("utilisationPercent", "100"), 65, RiskClass.B
                },
                new Object[] {
                    best().set("averageDaysBeyondTerms", "40").set("sharePaidLatePercent", "60"), 60, RiskClass.B
                },
                new Object[] {
                    best().set("averageDaysBeyondTerms", "40")
                            .set("sharePaidLatePercent", "60")
                            .set("utilisationPercent", "100"),
                    45,
                    RiskClass.C
                },
                new Object[] {
                    best().set("averageDaysBeyondTerms", "40")
                            .set("sharePaidLatePercent", "60")
                            .set("utilisationPercent", "100")
                            .set("highestDunningLevel", 3)
                            .set("brokenPromises", 2L),
                    25,
                    RiskClass.D
                },
                new Object[] {best().set("bureauInsolvent", true), 90, RiskClass.D});
    }

    @ParameterizedTest
    @MethodSource("riskClassBands")
    void theScoreMapsToItsRiskClassAndInsolvencyIsAlwaysD(Facts facts, int score, RiskClass riskClass) {
        Scorecard.Result result = scorecard.evaluate(facts.facts());
        assertThat(result.score()).isEqualTo(score);
        assertThat(result.riskClass()).isEqualTo(riskClass);
    }

    @Test
    void theBandEdgesOfTheRiskClassTable() {
        // a fresh customer: no payments yet, no bureau, half the limit used
        Facts fresh = best().set("averageDaysBeyondTerms", null)
                .set("recentDaysBeyondTerms", null)
                .set("sharePaidLatePercent", null)
                .set("relationshipMonths", 0L)
                .set("bureauRating", null);
        Scorecard.Result result = scorecard.evaluate(fresh.facts());
        assertThat(result.score()).isEqualTo(15 + 7 + 10 + 15 + 10 + 10 + 0 + 5);
        assertThat(result.riskClass()).as("a newcomer starts in B, not A").isEqualTo(RiskClass.B);
    }

    @Test
    void aScorecardThatGivesMoreThan100PointsIsRefused() {
        String broken = new String(dmn, StandardCharsets.UTF_8)
                .replace(
                        "<outputEntry id=\"Rule_credit_score_dbt_2_Out0\">\n          <text>25</text>",
                        "<outputEntry id=\"Rule_credit_score_dbt_2_Out0\">\n          <text>125</text>");
        assertThat(broken).contains("<text>125</text>");
        Scorecard card = new Scorecard(broken.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> card.evaluate(best().facts()))
                .isInstanceOf(InvalidCreditException.class)
                .hasMessageContaining("200 points")
                .satisfies(e -> assertThat(((InvalidCreditException) e).field()).isEqualTo("scorecard"));
    }

    @Test
    void aRiskClassTableWithAGapIsRefusedNotDefaulted() {
        String broken = new String(dmn, StandardCharsets.UTF_8).replace("[0..35[", "[0..20[");
        Scorecard card = new Scorecard(broken.getBytes(StandardCharsets.UTF_8));
        Facts poor = best().set("averageDaysBeyondTerms", "40")
                .set("sharePaidLatePercent", "60")
                .set("utilisationPercent", "100")
                .set("highestDunningLevel", 3)
                .set("brokenPromises", 2L);
        assertThatThrownBy(() -> card.evaluate(poor.facts()))
                .isInstanceOf(InvalidCreditException.class)
                .hasMessageContaining("no risk class");
    }

    @Test
    void aScorecardWithoutAnyMatchingRowGivesNoScoreAndIsRefused() {
        String text = new String(dmn, StandardCharsets.UTF_8);
        // keep the table, drop every row: COLLECT SUM over nothing is no result
        String empty = text.replaceAll("(?s)<rule id=\"Rule_credit_score_.*?</rule>\\s*", "");
        Scorecard card = new Scorecard(empty.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> card.evaluate(best().facts()))
                .isInstanceOf(InvalidCreditException.class)
                .hasMessageContaining("no whole-number score");
    }

    @Test
    void evaluationsFromSeveralThreadsAtOnceEachGetTheirOwnAnswer() throws Exception {
        // a payment listener, the nightly run and an analyst may score at the same moment
        List<ScoreFacts> cases =
                everyBand().map(b -> b.change().apply(best()).facts()).toList();
        List<Scorecard.Result> expected =
                cases.stream().map(scorecard::evaluate).toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<Scorecard.Result>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    List<Scorecard.Result> results = new ArrayList<>();
                    for (int round = 0; round < 20; round++) {
                        results.addAll(cases.stream().map(scorecard::evaluate).toList());
                    }
                    return results;
                }));
            }
            for (var run : runs) {
                List<Scorecard.Result> results = run.get();
                for (int i = 0; i < results.size(); i++) {
                    assertThat(results.get(i)).isEqualTo(expected.get(i % cases.size()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String factor(String ruleId) {
        return ruleId.replaceAll("^Rule_credit_score_(.+)_\\d+$", "$1");
    }

    /** The facts as a mutable bag, so a case names only what it changes. */
    static final class Facts {
        private final Map<String, Object> values = new HashMap<>(Map.of(
                "averageDaysBeyondTerms", "0",
                "recentDaysBeyondTerms", "0",
                "earlierDaysBeyondTerms", "10",
                "sharePaidLatePercent", "0",
                "utilisationPercent", "10",
                "highestDunningLevel", 0,
                "brokenPromises", 0L,
                "relationshipMonths", 36L,
                "bureauRating", "A",
                "bureauInsolvent", false));

        Facts set(String name, Object value) {
            values.put(name, value);
            return this;
        }

        /** Earlier and recent days beyond terms: the trend is recent minus earlier. */
        Facts trend(String earlier, String recent) {
            values.put("earlierDaysBeyondTerms", earlier);
            values.put("recentDaysBeyondTerms", recent);
            return this;
        }

        ScoreFacts facts() {
            return new ScoreFacts(
                    12,
                    decimal("averageDaysBeyondTerms"),
                    decimal("recentDaysBeyondTerms"),
                    decimal("earlierDaysBeyondTerms"),
                    decimal("sharePaidLatePercent"),
                    "EUR",
                    new BigDecimal("1000.00"),
                    new BigDecimal("10000.00"),
                    decimal("utilisationPercent"),
                    (Integer) values.get("highestDunningLevel"),
                    (Long) values.get("brokenPromises"),
                    0,
                    (Long) values.get("relationshipMonths"),
                    (String) values.get("bureauRating"),
                    (Boolean) values.get("bureauInsolvent"));
        }

        private BigDecimal decimal(String name) {
            Object value = values.get(name);
            return value == null ? null : new BigDecimal((String) value);
        }

        @Override
        public String toString() {
            return values.toString();
        }
    }
}
