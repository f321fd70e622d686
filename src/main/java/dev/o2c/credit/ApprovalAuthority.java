package dev.o2c.credit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Who may approve what: the DMN table processes/approval-authority.dmn, evaluated with the DMN engine Zeebe itself
 * uses (zeebe-dmn over dmn-scala), so the answer is the one the engine would give. This is the only place the table is
 * evaluated; the process does not call it, because the answer is needed while the reviewer completes the task (a
 * refusal must be a 403 then, not a later incident) and depends on what the reviewer chose (a raise, a prepayment).
 */
@Component
public class ApprovalAuthority {

    static final String TABLE = "/processes/approval-authority.dmn";
    static final String DECISION = "approval-authority";
    /** Lowest to highest: a member of a higher group holds every lower group's authority. */
    static final List<String> RANKS =
            List.of(dev.o2c.platform.security.Groups.CREDIT_ANALYSTS, dev.o2c.platform.security.Groups.CREDIT_MANAGERS);

    private final DecisionEngine engine = DecisionEngineFactory.createDecisionEngine();
    private final ParsedDecisionRequirementsGraph table;
    private final ObjectMapper json = new ObjectMapper();

    ApprovalAuthority() {
        try (InputStream in = ApprovalAuthority.class.getResourceAsStream(TABLE)) {
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

    /** What the table requires for granting {@code amountOverLimit} beyond the limit on an order of {@code orderAmount}. */
    public Required required(BigDecimal orderAmount, BigDecimal amountOverLimit, String riskClass) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("orderAmount", orderAmount);
        inputs.put("amountOverLimit", amountOverLimit);
        inputs.put("riskClass", riskClass);
        DecisionEvaluationResult result = engine.evaluateDecisionById(table, DECISION, () -> inputs);
        if (result.isFailure()) {
            throw new IllegalStateException(
                    "approval-authority failed for " + inputs + ": " + result.getFailureMessage());
        }
        JsonNode output;
        try {
            output = json.readTree(MsgPackConverter.convertToJson(result.getOutput()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (output == null || !output.hasNonNull("approverGroup")) {
            throw new IllegalStateException("approval-authority has no rule for " + inputs);
        }
        String group = output.path("approverGroup").asText();
        if (!RANKS.contains(group)) {
            throw new IllegalStateException("approval-authority names an unknown group " + group);
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

    /** The group that may decide, whether a second person of that group must confirm, and the rule's wording. */
    public record Required(String group, boolean secondApprover, String authority) {}
}
