package dev.o2c.collections;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o2c.platform.dmn.DecisionTables;
import io.camunda.zeebe.dmn.DecisionEngine;
import io.camunda.zeebe.dmn.DecisionEngineFactory;
import io.camunda.zeebe.dmn.DecisionEvaluationResult;
import io.camunda.zeebe.dmn.ParsedDecisionRequirementsGraph;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The ranking rule of the collectors' worklist, processes/collector-priority.dmn, evaluated with the DMN engine Zeebe
 * itself uses (zeebe-dmn over dmn-scala): decision {@code collector-priority} sums the points of the matched rows
 * into the priority score, decision {@code collector-next-action} names what to do next (first matching rule). A table
 * that gives no whole-number score or no action is refused, never replaced by a default.
 */
@Component
public class CollectorPriority {

    static final String TABLE = "/processes/collector-priority.dmn";
    static final String SCORE = "collector-priority";
    static final String ACTION = "collector-next-action";

    private final DecisionEngine engine = DecisionEngineFactory.createDecisionEngine();
    private final ParsedDecisionRequirementsGraph table;

    CollectorPriority() {
        this(DecisionTables.shipped(TABLE));
    }

    /** A table from the given DMN file's bytes (tests use this for broken tables). */
    CollectorPriority(byte[] dmn) {
        table = engine.parse(new ByteArrayInputStream(dmn));
        if (!table.isValid()) {
            throw new IllegalStateException(TABLE + " is not a valid DMN: " + table.getFailureMessage());
        }
    }

    /** What the table decides on, for one customer. */
    public record Facts(
            BigDecimal overdueAmount,
            int maxDaysOverdue,
            String riskClass,
            long brokenPromises,
            int openDisputes,
            boolean promiseOpen,
            int highestDunningLevel) {

        Map<String, Object> asVariables() {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("overdueAmount", overdueAmount);
            variables.put("maxDaysOverdue", maxDaysOverdue);
            variables.put("riskClass", riskClass);
            variables.put("brokenPromises", brokenPromises);
            variables.put("openDisputes", openDisputes);
            variables.put("promiseOpen", promiseOpen);
            variables.put("highestDunningLevel", highestDunningLevel);
            return variables;
        }
    }

    public record Ranking(int priorityScore, String nextBestAction) {}

    /**
     * One evaluation at a time: the engine writes every result into one reusable buffer (its MessagePack writer), so
     * two collectors loading the worklist at once would otherwise read each other's rows.
     */
    public synchronized Ranking rank(Facts facts) {
        Map<String, Object> inputs = facts.asVariables();
        JsonNode score = evaluate(SCORE, inputs);
        if (score == null
                || !score.isNumber()
                || score.decimalValue().stripTrailingZeros().scale() > 0) {
            throw invalid("the priority table gave no whole-number score for " + inputs + " (result: " + score + ")");
        }
        JsonNode action = evaluate(ACTION, inputs);
        if (action == null || !action.isTextual() || action.asText().isBlank()) {
            throw invalid("the next-action table gave no action for " + inputs + " (result: " + action + ")");
        }
        return new Ranking(score.intValue(), action.asText());
    }

    private JsonNode evaluate(String decision, Map<String, Object> inputs) {
        DecisionEvaluationResult result = engine.evaluateDecisionById(table, decision, () -> inputs);
        if (result.isFailure()) {
            throw invalid(decision + " failed on " + inputs + ": " + result.getFailureMessage());
        }
        return DecisionTables.output(result.getOutput());
    }

    private static InvalidCollectionException invalid(String message) {
        return new InvalidCollectionException("collector-priority", message);
    }

    @Override
    public String toString() {
        return TABLE;
    }
}
