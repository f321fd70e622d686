package dev.o2c.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.dmn.DecisionEngine;
import io.camunda.zeebe.dmn.DecisionEngineFactory;
import io.camunda.zeebe.dmn.DecisionEvaluationResult;
import io.camunda.zeebe.dmn.ParsedDecisionRequirementsGraph;
import io.camunda.zeebe.dmn.impl.VariablesContext;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The credit policy (processes/credit-decision.dmn) evaluated by the DMN engine Zeebe itself uses (zeebe-dmn over
 * dmn-scala), so these answers are the engine's answers: one case per rule, and a check over a grid of customers that
 * a worse case never gets a softer outcome.
 */
class CreditDecisionTableTest {

    private static final String TABLE = "/processes/credit-decision.dmn";
    private static final String DECISION = "credit-decision";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DecisionEngine ENGINE = DecisionEngineFactory.createDecisionEngine();
    private static ParsedDecisionRequirementsGraph table;
    private static List<String> ruleIdsInOrder;

    @BeforeAll
    static void parseTable() throws Exception {
        try (InputStream in = CreditDecisionTableTest.class.getResourceAsStream(TABLE)) {
            table = ENGINE.parse(in);
        }
        assertThat(table.isValid()).as(table.getFailureMessage()).isTrue();
        try (InputStream in = CreditDecisionTableTest.class.getResourceAsStream(TABLE)) {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            NodeList rules = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "rule");
            ruleIdsInOrder = new ArrayList<>();
            for (int i = 0; i < rules.getLength(); i++) {
                ruleIdsInOrder.add(((Element) rules.item(i)).getAttribute("id"));
            }
        }
    }

    // ---- one case per rule -------------------------------------------------------------------------------------

    record RuleCase(
            String name, String ruleId, Facts facts, String outcome, String reviewGroup, String reasonContains) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<RuleCase> oneCasePerRule() {
        Facts clean = Facts.clean();
        return Stream.of(
                new RuleCase(
                        "class D buys on prepayment only, even on hold with invoices past final notice",
                        "Rule_credit_decision_4",
                        clean.riskClass("D").onHold(true).pastFinalNotice(2),
                        "REJECT",
                        null,
                        "prepayment"),
                new RuleCase(
                        "on hold with invoices past final notice",
                        "Rule_credit_decision_1",
                        clean.onHold(true).pastFinalNotice(1),
                        "REJECT",
                        null,
                        "credit hold and has invoices past final notice"),
                new RuleCase(
                        "credit bureau reports insolvency, whatever the internal figures say",
                        "Rule_credit_decision_10",
                        clean.insolvent(true),
                        "REVIEW",
                        "credit-managers",
                        "insolvency"),
                new RuleCase(
                        "on hold",
                        "Rule_credit_decision_2",
                        clean.onHold(true),
                        "REVIEW",
                        "credit-managers",
                        "credit hold"),
                new RuleCase(
                        "invoices past final notice",
                        "Rule_credit_decision_3",
                        clean.pastFinalNotice(1),
                        "REVIEW",
                        "credit-managers",
                        "past final notice"),
                new RuleCase(
                        "50,000 or more",
                        "Rule_credit_decision_5",
                        clean.amount("50000").available("1000000"),
                        "REVIEW",
                        "credit-managers",
                        "50,000 or more"),
                new RuleCase(
                        "more than the available credit",
                        "Rule_credit_decision_6",
                        clean.amount("1000.01").available("1000"),
                        "REVIEW",
                        "credit-analysts",
                        "available credit"),
                new RuleCase(
                        "more than 30 days overdue",
                        "Rule_credit_decision_7",
                        clean.daysOverdue(31),
                        "REVIEW",
                        "credit-analysts",
                        "30 days overdue"),
                new RuleCase(
                        "class C over 10,000",
                        "Rule_credit_decision_8",
                        clean.riskClass("C").amount("10000.01").available("100000"),
                        "REVIEW",
                        "credit-analysts",
                        "over 10,000"),
                new RuleCase(
                        "nothing against it", "Rule_credit_decision_9", clean, "APPROVE", null, "Within available"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneCasePerRule")
    void eachRuleDecidesItsCase(RuleCase rule) {
        Verdict verdict = decide(rule.facts());
        assertThat(verdict.ruleId()).as("first matching rule").isEqualTo(rule.ruleId());
        assertThat(verdict.outcome()).isEqualTo(rule.outcome());
        assertThat(verdict.reviewGroup()).isEqualTo(rule.reviewGroup());
        assertThat(verdict.reason()).contains(rule.reasonContains());
    }

    @Test
    void everyRuleOfTheTableHasItsCase() {
        assertThat(oneCasePerRule().map(RuleCase::ruleId)).containsExactlyInAnyOrderElementsOf(ruleIdsInOrder);
    }

    @Test
    void boundariesAreWhereThePolicySaysTheyAre() {
        Facts clean = Facts.clean();
        assertThat(decide(clean.daysOverdue(30)).outcome())
                .as("30 days overdue")
                .isEqualTo("APPROVE");
        assertThat(decide(clean.amount("1000").available("1000")).outcome())
                .as("exactly the available credit")
                .isEqualTo("APPROVE");
        assertThat(decide(clean.amount("49999.99").available("1000000")).outcome())
                .isEqualTo("APPROVE");
        assertThat(decide(clean.riskClass("C").amount("10000").available("100000"))
                        .outcome())
                .as("class C at 10,000")
                .isEqualTo("APPROVE");
    }

    @Test
    void insolvencyGoesToCreditManagersUnlessARejectionRuleAppliesFirst() {
        Facts insolvent = Facts.clean().insolvent(true);
        assertThat(decide(insolvent.onHold(true).pastFinalNotice(1)).ruleId())
                .as("on hold with invoices past final notice is still rejected")
                .isEqualTo("Rule_credit_decision_1");
        assertThat(decide(insolvent.riskClass("D")).outcome()).isEqualTo("REJECT");
        assertThat(decide(insolvent.amount("120000").available("0")).reviewGroup())
                .as("a large order over the limit of an insolvent customer")
                .isEqualTo("credit-managers");
    }

    @Test
    void withoutABureauReportTheTableDecidesOnInternalDataAsBefore() {
        Facts clean = Facts.clean();
        for (Facts facts : List.of(
                clean,
                clean.amount("1000.01").available("1000"),
                clean.daysOverdue(31),
                clean.riskClass("C").amount("20000").available("100000"),
                clean.onHold(true))) {
            Verdict withoutReport = decide(facts);
            Verdict solvent = decide(facts.insolvent(false));
            assertThat(withoutReport.ruleId()).as("%s", facts).isEqualTo(solvent.ruleId());
            assertThat(withoutReport.ruleId()).isNotEqualTo("Rule_credit_decision_10");
        }
    }

    // ---- a worse case never gets a softer outcome -------------------------------------------------------------

    private static final List<Boolean> HOLD = List.of(false, true);
    private static final List<Long> PAST_FINAL_NOTICE = List.of(0L, 1L, 3L);
    private static final List<String> RISK_CLASSES = List.of("A", "B", "C", "D");
    private static final List<String> AMOUNTS =
            List.of("0.01", "5000", "10000", "10000.01", "20000", "49999.99", "50000", "120000");
    private static final List<String> AVAILABLE = List.of("150000", "60000", "15000", "10000", "0", "-5000");
    private static final List<Long> DAYS_OVERDUE = List.of(0L, 15L, 30L, 31L, 120L);
    private static final List<Boolean> INSOLVENT = List.of(false, true);

    /** One bad fact added: the next worse value of one input, everything else the same. */
    record Worsening(String what, UnaryOperator<Facts> worse) {}

    @Test
    void aWorseCaseNeverGetsASofterOutcome() {
        Map<Facts, Verdict> verdicts = new HashMap<>();
        List<Facts> grid = new ArrayList<>();
        for (boolean hold : HOLD) {
            for (long pastFinal : PAST_FINAL_NOTICE) {
                for (String risk : RISK_CLASSES) {
                    for (String amount : AMOUNTS) {
                        for (String available : AVAILABLE) {
                            for (long days : DAYS_OVERDUE) {
                                for (boolean insolvent : INSOLVENT) {
                                    grid.add(new Facts(
                                            hold,
                                            pastFinal,
                                            risk,
                                            new BigDecimal(amount),
                                            new BigDecimal(available),
                                            days,
                                            insolvent));
                                }
                            }
                        }
                    }
                }
            }
        }
        grid.forEach(facts -> verdicts.put(facts, decide(facts)));

        List<Worsening> worsenings = List.of(
                new Worsening("put on credit hold", f -> f.onHold() ? null : f.onHold(true)),
                new Worsening("more invoices past final notice", f -> next(PAST_FINAL_NOTICE, f.pastFinalNotice())
                        .map(f::pastFinalNotice)
                        .orElse(null)),
                new Worsening(
                        "worse risk class",
                        f -> next(RISK_CLASSES, f.riskClass()).map(f::riskClass).orElse(null)),
                new Worsening(
                        "larger amount", f -> next(AMOUNTS, f.orderAmount().toPlainString())
                                .map(f::amount)
                                .orElse(null)),
                new Worsening("less available credit", f -> next(
                                AVAILABLE, f.availableCredit().toPlainString())
                        .map(f::available)
                        .orElse(null)),
                new Worsening("more days overdue", f -> next(DAYS_OVERDUE, f.maxDaysOverdue())
                        .map(f::daysOverdue)
                        .orElse(null)),
                new Worsening("credit bureau reports insolvency", f -> f.bureauInsolvent() ? null : f.insolvent(true)));

        List<String> softer = new ArrayList<>();
        int comparisons = 0;
        for (Facts facts : grid) {
            Verdict before = verdicts.get(facts);
            for (Worsening worsening : worsenings) {
                Facts worse = worsening.worse().apply(facts);
                if (worse == null) {
                    continue;
                }
                Verdict after = verdicts.get(worse);
                comparisons++;
                if (severity(after.outcome()) < severity(before.outcome())) {
                    softer.add(worsening.what() + ": " + facts + " -> " + before.outcome() + " but " + worse + " -> "
                            + after.outcome());
                } else if (after.outcome().equals("REVIEW")
                        && before.outcome().equals("REVIEW")
                        && "credit-managers".equals(before.reviewGroup())
                        && !"credit-managers".equals(after.reviewGroup())) {
                    softer.add(worsening.what() + ": " + facts + " -> credit managers but " + worse + " -> "
                            + after.reviewGroup());
                }
            }
        }
        assertThat(grid).hasSize(2 * 3 * 4 * 8 * 6 * 5 * 2);
        assertThat(comparisons).isGreaterThan(grid.size() * 4);
        assertThat(softer).as("worse cases with softer outcomes").isEmpty();
        assertThat(verdicts.values())
                .extracting(Verdict::outcome)
                .as("every outcome occurs in the grid")
                .contains("APPROVE", "REVIEW", "REJECT");
    }

    private static int severity(String outcome) {
        return switch (outcome) {
            case "APPROVE" -> 0;
            case "REVIEW" -> 1;
            case "REJECT" -> 2;
            default -> throw new AssertionError("outcome outside the table's output values: " + outcome);
        };
    }

    private static <T> java.util.Optional<T> next(List<T> worseningOrder, T value) {
        int index = worseningOrder.indexOf(value);
        return index >= 0 && index + 1 < worseningOrder.size()
                ? java.util.Optional.of(worseningOrder.get(index + 1))
                : java.util.Optional.empty();
    }

    // ---- evaluation ---------------------------------------------------------------------------------------------

    /** The DMN's inputs, named and typed as CreditFacts.asVariables() hands them to the engine. */
    record Facts(
            boolean onHold,
            long pastFinalNotice,
            String riskClass,
            BigDecimal orderAmount,
            BigDecimal availableCredit,
            long maxDaysOverdue,
            Boolean bureauInsolvent) {

        /** A customer without a bureau report (bureauInsolvent null), as for customers without a VAT id. */
        static Facts clean() {
            return new Facts(false, 0, "A", new BigDecimal("1000"), new BigDecimal("20000"), 0, null);
        }

        Facts insolvent(Boolean insolvent) {
            return new Facts(
                    onHold, pastFinalNotice, riskClass, orderAmount, availableCredit, maxDaysOverdue, insolvent);
        }

        Facts onHold(boolean hold) {
            return new Facts(
                    hold, pastFinalNotice, riskClass, orderAmount, availableCredit, maxDaysOverdue, bureauInsolvent);
        }

        Facts pastFinalNotice(long invoices) {
            return new Facts(
                    onHold, invoices, riskClass, orderAmount, availableCredit, maxDaysOverdue, bureauInsolvent);
        }

        Facts riskClass(String risk) {
            return new Facts(
                    onHold, pastFinalNotice, risk, orderAmount, availableCredit, maxDaysOverdue, bureauInsolvent);
        }

        Facts amount(String amount) {
            return new Facts(
                    onHold,
                    pastFinalNotice,
                    riskClass,
                    new BigDecimal(amount),
                    availableCredit,
                    maxDaysOverdue,
                    bureauInsolvent);
        }

        Facts available(String available) {
            return new Facts(
                    onHold,
                    pastFinalNotice,
                    riskClass,
                    orderAmount,
                    new BigDecimal(available),
                    maxDaysOverdue,
                    bureauInsolvent);
        }

        Facts daysOverdue(long days) {
            return new Facts(onHold, pastFinalNotice, riskClass, orderAmount, availableCredit, days, bureauInsolvent);
        }

        Map<String, Object> variables() {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("onCreditHold", onHold);
            variables.put("invoicesPastFinalNotice", pastFinalNotice);
            variables.put("riskClass", riskClass);
            variables.put("orderAmount", orderAmount);
            variables.put("availableCredit", availableCredit);
            variables.put("maxDaysOverdue", maxDaysOverdue);
            variables.put("bureauInsolvent", bureauInsolvent);
            return variables;
        }
    }

    record Verdict(String ruleId, String outcome, String reason, String reviewGroup) {}

    static Verdict decide(Facts facts) {
        DecisionEvaluationResult result =
                ENGINE.evaluateDecisionById(table, DECISION, new VariablesContext(facts.variables()));
        assertThat(result.isFailure())
                .as("evaluation of %s: %s", facts, result.getFailureMessage())
                .isFalse();
        try {
            JsonNode output = JSON.readTree(MsgPackConverter.convertToJson(result.getOutput()));
            var matched = result.getEvaluatedDecisions().getFirst().matchedRules();
            assertThat(matched).as("a rule matches %s", facts).isNotEmpty();
            return new Verdict(
                    matched.getFirst().ruleId(),
                    output.path("outcome").asText(null),
                    output.path("reason").asText(null),
                    output.path("reviewGroup").isNull()
                            ? null
                            : output.path("reviewGroup").asText(null));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
