package dev.o2c.credit.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o2c.credit.InvalidCreditException;
import dev.o2c.customers.RiskClass;
import dev.o2c.platform.dmn.DecisionTables;
import dev.o2c.platform.xml.SafeXml;
import io.camunda.zeebe.dmn.DecisionEngine;
import io.camunda.zeebe.dmn.DecisionEngineFactory;
import io.camunda.zeebe.dmn.DecisionEvaluationResult;
import io.camunda.zeebe.dmn.EvaluatedDecision;
import io.camunda.zeebe.dmn.MatchedRule;
import io.camunda.zeebe.dmn.ParsedDecisionRequirementsGraph;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The scorecard processes/credit-score.dmn, evaluated with the DMN engine Zeebe itself uses (zeebe-dmn over
 * dmn-scala): decision {@code credit-score} sums the points of one band per factor, decision {@code credit-risk-class}
 * maps the score to a risk class. The annotation of each matched row is the factor credit staff read. A table that
 * gives no score, a score outside 0-100 or no risk class is refused as an invalid scorecard, never replaced by a
 * default.
 */
@Component
public class Scorecard {

    static final String TABLE = "/processes/credit-score.dmn";
    public static final String SCORE = "credit-score";
    public static final String RISK_CLASS = "credit-risk-class";

    private final DecisionEngine engine = DecisionEngineFactory.createDecisionEngine();
    private final ParsedDecisionRequirementsGraph table;
    /** Rule id -> its annotation (the DMN rule's description), read once from the file. */
    private final Map<String, String> annotations;

    Scorecard() {
        this(DecisionTables.shipped(TABLE));
    }

    /**
     * A scorecard from the given DMN file's bytes: tests use this for broken tables, the policy back-test for an
     * uploaded scorecard (which it has checked to be a valid DMN defining both decisions).
     */
    public static Scorecard of(byte[] dmn) {
        return new Scorecard(dmn);
    }

    Scorecard(byte[] dmn) {
        table = engine.parse(new ByteArrayInputStream(dmn));
        if (!table.isValid()) {
            throw new IllegalStateException(TABLE + " is not a valid DMN: " + table.getFailureMessage());
        }
        annotations = annotations(dmn);
    }

    /**
     * One evaluation at a time: the engine writes every result into one reusable buffer (its MessagePack writer), so
     * two threads evaluating at once (a payment, the nightly run, an analyst) read each other's output.
     */
    public synchronized Result evaluate(ScoreFacts facts) {
        Map<String, Object> inputs = facts.asVariables();
        DecisionEvaluationResult scored = engine.evaluateDecisionById(table, SCORE, () -> inputs);
        if (scored.isFailure()) {
            throw invalid("the scorecard failed on " + inputs + ": " + scored.getFailureMessage());
        }
        JsonNode score = DecisionTables.output(scored.getOutput());
        if (score == null
                || !score.isNumber()
                || score.decimalValue().stripTrailingZeros().scale() > 0) {
            throw invalid("the scorecard gave no whole-number score for " + inputs + " (result: " + score + ")");
        }
        int points = score.intValue();
        if (points < 0 || points > 100) {
            throw invalid("the scorecard gave " + points + " points for " + inputs + "; a score is 0 to 100");
        }
        List<Contribution> contributions = new ArrayList<>();
        for (EvaluatedDecision decision : scored.getEvaluatedDecisions()) {
            if (!SCORE.equals(decision.decisionId())) {
                continue;
            }
            for (MatchedRule rule : decision.matchedRules()) {
                JsonNode value =
                        DecisionTables.output(rule.evaluatedOutputs().getFirst().outputValue());
                contributions.add(new Contribution(
                        rule.ruleId(), annotations.getOrDefault(rule.ruleId(), rule.ruleId()), value.intValue()));
            }
        }
        contributions.sort(Comparator.comparingInt(Contribution::points));

        Map<String, Object> classInputs = new HashMap<>();
        classInputs.put("score", points);
        classInputs.put("bureauInsolvent", facts.bureauInsolvent());
        DecisionEvaluationResult classified = engine.evaluateDecisionById(table, RISK_CLASS, () -> classInputs);
        if (classified.isFailure()) {
            throw invalid("the risk class table failed on " + classInputs + ": " + classified.getFailureMessage());
        }
        JsonNode riskClass = DecisionTables.output(classified.getOutput());
        if (riskClass == null || !riskClass.isTextual() || !riskClass.asText().matches("[ABCD]")) {
            throw invalid(
                    "the risk class table gave no risk class for " + classInputs + " (result: " + riskClass + ")");
        }
        return new Result(points, RiskClass.valueOf(riskClass.asText()), List.copyOf(contributions));
    }

    private static InvalidCreditException invalid(String message) {
        return new InvalidCreditException("scorecard", message);
    }

    private static Map<String, String> annotations(byte[] dmn) {
        try {
            NodeList rules = SafeXml.parse(dmn).getElementsByTagNameNS("*", "rule");
            Map<String, String> byId = new HashMap<>();
            for (int i = 0; i < rules.getLength(); i++) {
                Element rule = (Element) rules.item(i);
                NodeList descriptions = rule.getElementsByTagNameNS("*", "description");
                if (descriptions.getLength() > 0) {
                    String text = descriptions.item(0).getTextContent().strip();
                    if (!text.isEmpty()) {
                        byId.put(rule.getAttribute("id"), text);
                    }
                }
            }
            return Map.copyOf(byId);
        } catch (Exception e) {
            throw new IllegalStateException(TABLE + " cannot be read for its rule annotations: " + e.getMessage(), e);
        }
    }

    /** One matched row of the scorecard: its annotation and the points it gave. */
    public record Contribution(String ruleId, String factor, int points) {
        public String line() {
            return points + (points == 1 ? " point: " : " points: ") + factor;
        }
    }

    public record Result(int score, RiskClass riskClass, List<Contribution> contributions) {}
}
