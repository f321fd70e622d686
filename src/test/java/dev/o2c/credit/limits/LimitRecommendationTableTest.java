package dev.o2c.credit.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o2c.credit.AuthorityTable;
import dev.o2c.platform.security.Groups;
import io.camunda.zeebe.dmn.DecisionEngine;
import io.camunda.zeebe.dmn.DecisionEngineFactory;
import io.camunda.zeebe.dmn.DecisionEvaluationResult;
import io.camunda.zeebe.dmn.ParsedDecisionRequirementsGraph;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * processes/limit-recommendation.dmn on Zeebe's own DMN engine (the one the business rule task uses): one case per
 * rule, each hitting that rule and no earlier one, and the limit-authority table behind the decisions.
 */
class LimitRecommendationTableTest {

    private static final DecisionEngine ENGINE = DecisionEngineFactory.createDecisionEngine();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ParsedDecisionRequirementsGraph table;
    private final LimitAuthority authority = new LimitAuthority();

    @BeforeAll
    static void parse() throws Exception {
        try (InputStream in =
                LimitRecommendationTableTest.class.getResourceAsStream("/processes/limit-recommendation.dmn")) {
            table = ENGINE.parse(in);
        }
        assertThat(table.isValid()).as(table.getFailureMessage()).isTrue();
    }

    /** A clean customer: B, no score or bureau, nothing overdue, 6 months old, half its 10,000 limit used. */
    static Map<String, Object> facts(Object... overrides) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("trigger", "REQUEST");
        facts.put("riskClass", "B");
        facts.put("score", null);
        facts.put("maxDaysOverdue", 0);
        facts.put("requestedLimit", null);
        facts.put("relationshipMonths", 6);
        facts.put("utilisation", new BigDecimal("0.5"));
        facts.put("currentLimit", new BigDecimal("10000"));
        facts.put("exposure", new BigDecimal("5000"));
        facts.put("bureauRecommendedLimit", null);
        for (int i = 0; i < overrides.length; i += 2) {
            facts.put((String) overrides[i], overrides[i + 1]);
        }
        return facts;
    }

    record Case(int rule, String name, Map<String, Object> facts, String proposal, String limit) {
        @Override
        public String toString() {
            return "rule " + rule + ": " + name;
        }
    }

    static Stream<Case> oneCasePerRule() {
        return Stream.of(
                new Case(1, "risk class D: no credit", facts("riskClass", "D", "requestedLimit", 20000), "LOWER", "0"),
                new Case(2, "score below 30: halve", facts("score", 29, "requestedLimit", 20000), "LOWER", "5000"),
                new Case(
                        3,
                        "more than 30 days overdue: keep",
                        facts("maxDaysOverdue", 31, "requestedLimit", 20000),
                        "KEEP",
                        "10000"),
                new Case(4, "asked for less: grant it", facts("requestedLimit", 8000), "LOWER", "8000"),
                new Case(
                        5,
                        "within the bureau's recommendation",
                        facts("requestedLimit", 40000, "bureauRecommendedLimit", 50000, "riskClass", "C"),
                        "RAISE",
                        "40000"),
                new Case(
                        6,
                        "A/B of a year or more: up to double",
                        facts("requestedLimit", 50000, "relationshipMonths", 12),
                        "RAISE",
                        "20000"),
                new Case(7, "A/B: up to one and a half", facts("requestedLimit", 50000), "RAISE", "15000"),
                new Case(
                        8,
                        "C: up to a quarter more",
                        facts("requestedLimit", 50000, "riskClass", "C"),
                        "RAISE",
                        "12500"),
                new Case(
                        9,
                        "periodic, well used and paid on time",
                        facts("trigger", "PERIODIC", "utilisation", new BigDecimal("0.8")),
                        "RAISE",
                        "12500"),
                new Case(
                        10,
                        "alert on a C customer: a quarter less, not below exposure",
                        facts("trigger", "ALERT", "riskClass", "C", "exposure", new BigDecimal("8000")),
                        "LOWER",
                        "8000"),
                new Case(11, "nothing to change", facts("trigger", "PERIODIC"), "KEEP", "10000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneCasePerRule")
    void eachRuleDecidesItsCase(Case rule) throws Exception {
        DecisionEvaluationResult result =
                ENGINE.evaluateDecisionById(table, "limit-recommendation", () -> rule.facts());
        assertThat(result.isFailure()).as(result.getFailureMessage()).isFalse();
        assertThat(result.getEvaluatedDecisions().getFirst().matchedRules())
                .singleElement()
                .satisfies(matched -> assertThat(matched.ruleIndex()).isEqualTo(rule.rule()));
        JsonNode output = JSON.readTree(MsgPackConverter.convertToJson(result.getOutput()));
        assertThat(output.path("proposal").asText()).isEqualTo(rule.proposal());
        assertThat(output.path("recommendedLimit").decimalValue()).isEqualByComparingTo(rule.limit());
        assertThat(output.path("explanation").asText()).isNotBlank();
    }

    @Test
    void aZeroLimitStillGetsAStartingProposal() throws Exception {
        DecisionEvaluationResult result = ENGINE.evaluateDecisionById(
                table,
                "limit-recommendation",
                () -> facts("riskClass", "C", "requestedLimit", 5000, "currentLimit", 0, "utilisation", null));
        JsonNode output = JSON.readTree(MsgPackConverter.convertToJson(result.getOutput()));
        assertThat(output.path("recommendedLimit").decimalValue()).isEqualByComparingTo("2000");
    }

    @Test
    void limitAuthorityOneCasePerRule() {
        assertThat(authority.required(new BigDecimal("10000"), new BigDecimal("110000.01"), "A"))
                .satisfies(required -> {
                    assertThat(required.group()).isEqualTo(Groups.CREDIT_MANAGERS);
                    assertThat(required.secondApprover()).isTrue();
                });
        assertThat(authority.required(new BigDecimal("10000"), new BigDecimal("110000"), "A"))
                .satisfies(required -> {
                    assertThat(required.group()).isEqualTo(Groups.CREDIT_MANAGERS);
                    assertThat(required.secondApprover()).isFalse();
                });
        assertThat(authority
                        .required(new BigDecimal("10000"), new BigDecimal("15000.01"), "C")
                        .group())
                .isEqualTo(Groups.CREDIT_MANAGERS);
        assertThat(authority
                        .required(new BigDecimal("10000"), new BigDecimal("15000.01"), "B")
                        .group())
                .isEqualTo(Groups.CREDIT_ANALYSTS);
        // lowering a limit never needs more than an analyst
        assertThat(authority.required(new BigDecimal("500000"), BigDecimal.ZERO, "D"))
                .satisfies(required -> {
                    assertThat(required.group()).isEqualTo(Groups.CREDIT_ANALYSTS);
                    assertThat(required.secondApprover()).isFalse();
                    assertThat(required.authority()).isNotBlank();
                });
        assertThat(AuthorityTable.groupsHolding(Groups.CREDIT_ANALYSTS))
                .containsExactly(Groups.CREDIT_ANALYSTS, Groups.CREDIT_MANAGERS);
        assertThat(AuthorityTable.groupsHolding(Groups.CREDIT_MANAGERS)).containsExactly(Groups.CREDIT_MANAGERS);
    }
}
