package dev.o2c.credit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o2c.platform.dmn.DecisionTables;
import dev.o2c.platform.security.Groups;
import io.camunda.zeebe.dmn.DecisionEngine;
import io.camunda.zeebe.dmn.DecisionEngineFactory;
import io.camunda.zeebe.dmn.DecisionEvaluationResult;
import io.camunda.zeebe.dmn.ParsedDecisionRequirementsGraph;
import java.io.ByteArrayInputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A DMN table that says who may decide (processes/approval-authority.dmn for orders, limit-authority.dmn for limits,
 * write-off-authority.dmn for write-offs), evaluated with the DMN engine Zeebe itself uses (zeebe-dmn over dmn-scala),
 * so the answer is the one the engine would give. Its outputs: the group that may decide ({@code approverGroup}),
 * whether a second person must confirm ({@code secondApprover}) and the rule's wording ({@code authority}). A table
 * that gives no group, or one its {@link Ranks} do not hold, is an error, never a default.
 */
public final class AuthorityTable {

    /** Lowest to highest: a member of a higher group holds every lower group's authority. */
    public static final List<String> RANKS = List.of(Groups.CREDIT_ANALYSTS, Groups.CREDIT_MANAGERS);

    /** The ranking of credit decisions: analysts, then managers. */
    public static final Ranks CREDIT = new Ranks(RANKS);

    /** The group that may decide, whether a second person of that group must confirm, and the rule's wording. */
    public record Required(String group, boolean secondApprover, String authority) {}

    /**
     * The groups that may decide one kind of thing, lowest to highest: a member of a higher group holds every lower
     * group's authority (for credit: analysts, managers; for write-offs: collectors, credit managers).
     */
    public record Ranks(List<String> lowestFirst) {

        public Ranks {
            lowestFirst = List.copyOf(lowestFirst);
        }

        /** Whether someone in {@code groups} holds the authority of {@code group} (the same or a higher group). */
        public boolean holds(Collection<String> groups, String group) {
            int needed = lowestFirst.indexOf(group);
            return needed >= 0 && groups.stream().mapToInt(lowestFirst::indexOf).anyMatch(rank -> rank >= needed);
        }

        /** The group itself and every group above it: who sees the task in the inbox. */
        public List<String> groupsHolding(String group) {
            return lowestFirst.subList(Math.max(0, lowestFirst.indexOf(group)), lowestFirst.size());
        }

        /**
         * Reads an authority table's result ({@code approverGroup}, {@code secondApprover}, {@code authority}), as the
         * application evaluates it or as a business rule task hands it to a worker. No group, or one not ranked here,
         * is an error.
         */
        public Required read(String decision, JsonNode output) {
            if (output == null || !output.hasNonNull("approverGroup")) {
                throw new IllegalStateException(decision + " gave no approverGroup: " + output);
            }
            String group = output.path("approverGroup").asText();
            if (!lowestFirst.contains(group)) {
                throw new IllegalStateException(decision + " names an unknown group " + group);
            }
            return new Required(
                    group,
                    output.path("secondApprover").asBoolean(false),
                    output.path("authority").asText(group));
        }
    }

    private final String resource;
    private final String decision;
    private final Ranks ranks;
    private final DecisionEngine engine = DecisionEngineFactory.createDecisionEngine();
    private final ParsedDecisionRequirementsGraph table;

    public AuthorityTable(String resource, String decision) {
        this(resource, decision, CREDIT);
    }

    public AuthorityTable(String resource, String decision, Ranks ranks) {
        this.resource = resource;
        this.decision = decision;
        this.ranks = ranks;
        table = engine.parse(new ByteArrayInputStream(DecisionTables.shipped(resource)));
        if (!table.isValid()) {
            throw new IllegalStateException(resource + " is not a valid DMN: " + table.getFailureMessage());
        }
    }

    /**
     * One evaluation at a time: the engine writes every result into one reusable buffer, so two reviewers completing
     * tasks at the same moment would otherwise read each other's answer.
     */
    public synchronized Required required(Map<String, Object> inputs) {
        DecisionEvaluationResult result = engine.evaluateDecisionById(table, decision, () -> inputs);
        if (result.isFailure()) {
            throw new IllegalStateException(decision + " failed for " + inputs + ": " + result.getFailureMessage());
        }
        JsonNode output = DecisionTables.output(result.getOutput());
        if (output == null || !output.hasNonNull("approverGroup")) {
            throw new IllegalStateException(decision + " has no rule for " + inputs);
        }
        return ranks.read(decision, output);
    }

    /** Whether someone in {@code groups} holds the credit authority of {@code group} (the same or a higher group). */
    public static boolean holds(Collection<String> groups, String group) {
        return CREDIT.holds(groups, group);
    }

    /** The credit group itself and every group above it: who sees the task in the inbox. */
    public static List<String> groupsHolding(String group) {
        return CREDIT.groupsHolding(group);
    }

    @Override
    public String toString() {
        return resource + "#" + decision;
    }
}
