package dev.o2c.credit.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o2c.platform.security.Groups;
import io.camunda.zeebe.dmn.DecisionEngine;
import io.camunda.zeebe.dmn.DecisionEngineFactory;
import io.camunda.zeebe.dmn.DecisionEvaluationResult;
import io.camunda.zeebe.dmn.ParsedDecisionRequirementsGraph;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who may set a new limit: the DMN table processes/limit-authority.dmn, evaluated with the DMN engine Zeebe itself
 * uses. Like approval-authority it is evaluated by the application, not by the process, because the answer is needed
 * while the approver completes the task (a refusal must be a 403 then) and depends on the limit the approver chose.
 */
@Component
public class LimitAuthority {

    static final String TABLE = "/processes/limit-authority.dmn";
    static final String DECISION = "limit-authority";
    /** Lowest to highest: a member of a higher group holds every lower group's authority. */
    static final List<String> RANKS = List.of(Groups.CREDIT_ANALYSTS, Groups.CREDIT_MANAGERS);

    private final DecisionEngine engine = DecisionEngineFactory.createDecisionEngine();
    private final ParsedDecisionRequirementsGraph table;
    private final ObjectMapper json = new ObjectMapper();

    public LimitAuthority() {
        try (InputStream in = LimitAuthority.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is not on the classpath");
            }
            table = engine.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!table.isValid()) {
            throw new IllegalStateException(TABLE + " is not a valid DMN: " + table.getFailureMessage());
        }
    }

    /** What the table requires to move a limit from {@code currentLimit} to {@code newLimit}. */
    public Required required(BigDecimal currentLimit, BigDecimal newLimit, String riskClass) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("raise", newLimit.subtract(currentLimit));
        inputs.put("newLimit", newLimit);
        inputs.put("riskClass", riskClass);
        DecisionEvaluationResult result = engine.evaluateDecisionById(table, DECISION, () -> inputs);
        if (result.isFailure()) {
            throw new IllegalStateException("limit-authority failed for " + inputs + ": " + result.getFailureMessage());
        }
        JsonNode output;
        try {
            output = json.readTree(MsgPackConverter.convertToJson(result.getOutput()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (output == null || !output.hasNonNull("approverGroup")) {
            throw new IllegalStateException("limit-authority has no rule for " + inputs);
        }
        String group = output.path("approverGroup").asText();
        if (!RANKS.contains(group)) {
            throw new IllegalStateException("limit-authority names an unknown group " + group);
        }
        return new Required(
                group,
                output.path("secondApprover").asBoolean(false),
                output.path("authority").asText(group));
    }

    /** Whether someone in {@code groups} holds the authority of {@code group} (the same or a higher group). */
    public static boolean holds(java.util.Collection<String> groups, String group) {
        int needed = RANKS.indexOf(group);
        return groups.stream().mapToInt(RANKS::indexOf).anyMatch(rank -> rank >= needed && rank >= 0);
    }

    /** The group itself and every group above it: who sees the task in the inbox. */
    public static List<String> groupsHolding(String group) {
        return RANKS.subList(Math.max(0, RANKS.indexOf(group)), RANKS.size());
    }

    /** The group that may decide, whether a second person of that group must confirm, and the rule's wording. */
    public record Required(String group, boolean secondApprover, String authority) {}
}
