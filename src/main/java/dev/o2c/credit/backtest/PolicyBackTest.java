package dev.o2c.credit.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o2c.credit.CreditDecision;
import dev.o2c.credit.CreditDecision.Outcome;
import dev.o2c.credit.CreditDecisions;
import dev.o2c.credit.CreditPolicyInputs;
import dev.o2c.credit.InvalidCreditException;
import dev.o2c.credit.backtest.BackTestReport.ChangedDecision;
import dev.o2c.credit.backtest.BackTestReport.ChangedScore;
import dev.o2c.credit.backtest.BackTestReport.Exposure;
import dev.o2c.credit.backtest.BackTestReport.Transition;
import dev.o2c.credit.scoring.CreditScore;
import dev.o2c.credit.scoring.CreditScoring;
import dev.o2c.credit.scoring.ScoreFacts;
import dev.o2c.credit.scoring.Scorecard;
import dev.o2c.customers.CustomerService;
import dev.o2c.orders.OrderService;
import dev.o2c.platform.audit.AuditLog;
import dev.o2c.platform.dmn.DecisionTables;
import dev.o2c.platform.money.Amounts;
import io.camunda.zeebe.dmn.DecisionEngine;
import io.camunda.zeebe.dmn.DecisionEngineFactory;
import io.camunda.zeebe.dmn.DecisionEvaluationResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policy back-test: a changed credit-decision.dmn replayed, with the DMN engine Zeebe itself uses, on the inputs
 * the latest recorded policy decisions were taken on (stored with each decision), and compared with what was decided;
 * or a changed credit-score.dmn replayed on the latest stored score facts of each customer. Nothing is deployed and
 * nothing changes; the only write is the audit record of the back-test (who, when, which file by its SHA-256).
 */
@Service
public class PolicyBackTest {

    private final CreditDecisions decisions;
    private final CreditScoring scoring;
    private final OrderService orders;
    private final CustomerService customers;
    private final AuditLog audit;
    private final BackTestProperties properties;

    PolicyBackTest(
            CreditDecisions decisions,
            CreditScoring scoring,
            OrderService orders,
            CustomerService customers,
            AuditLog audit,
            BackTestProperties properties) {
        this.decisions = decisions;
        this.scoring = scoring;
        this.orders = orders;
        this.customers = customers;
        this.audit = audit;
        this.properties = properties;
    }

    public BackTestProperties limits() {
        return properties;
    }

    /**
     * Replays the uploaded table on the last {@code count} recorded decisions (or scored customers); {@code count}
     * null means the configured default. Refuses (field {@code decisions} or {@code file}) before evaluating anything.
     */
    @Transactional
    public BackTestReport run(String fileName, byte[] dmn, Integer count, String actor) {
        int asked = count == null ? properties.defaultDecisions() : count;
        if (asked < 1 || asked > properties.maxDecisions()) {
            throw new InvalidCreditException(
                    "decisions", "must be between 1 and " + properties.maxDecisions() + " (was " + asked + ")");
        }
        // one engine per back-test: it writes every result into one reusable buffer, so it is not shared
        DecisionEngine engine = DecisionEngineFactory.createDecisionEngine();
        UploadedTable table = UploadedTable.read(fileName, dmn, engine);
        BackTestReport report =
                switch (table.kind()) {
                    case POLICY -> policy(table, engine, asked);
                    case SCORECARD -> scores(table, asked);
                };
        audit.record(
                actor,
                "CREDIT_POLICY_BACKTEST",
                "decision",
                report.table(),
                "back-test of " + table.name() + " (sha256 " + table.sha256() + ", " + dmn.length + " bytes) on the"
                        + " last " + asked
                        + (table.kind() == UploadedTable.Kind.POLICY ? " decisions" : " scored customers")
                        + ": " + summary(report) + "; nothing deployed",
                null);
        return report;
    }

    private static String summary(BackTestReport report) {
        return switch (report) {
            case BackTestReport.Policy p ->
                p.evaluated() + " replayed, " + p.changed() + " changed (" + p.noResult() + " without result), reviews "
                        + p.reviewsBefore() + " -> " + p.reviewsAfter();
            case BackTestReport.Scores s ->
                s.evaluated() + " replayed, " + s.changed() + " changed (" + s.noResult() + " without result)";
        };
    }

    private BackTestReport.Policy policy(UploadedTable table, DecisionEngine engine, int asked) {
        List<CreditDecision> recorded = decisions.latestPolicyDecisions(asked);
        Map<Long, Long> customerOf = orders.customersOf(
                recorded.stream().map(CreditDecision::getOrderId).toList());
        Map<Long, String> names = customers.namesOf(customerOf.values());
        Map<FromTo, Integer> transitions = new LinkedHashMap<>();
        Map<String, BigDecimal[]> exposure = new TreeMap<>();
        List<ChangedDecision> changes = new ArrayList<>();
        int unchanged = 0;
        int noResult = 0;
        int reviewsBefore = 0;
        int reviewsAfter = 0;
        for (CreditDecision decision : recorded) {
            Verdict verdict = replay(table, engine, decision);
            String before = decision.getOutcome().name();
            String after = verdict.outcome() == null ? BackTestReport.NO_RESULT : verdict.outcome();
            reviewsBefore += decision.getOutcome() == Outcome.REVIEW ? 1 : 0;
            reviewsAfter += verdict.outcome() != null && goesToReview(verdict.outcome()) ? 1 : 0;
            if (verdict.amount() != null) {
                BigDecimal[] sums = exposure.computeIfAbsent(verdict.currency(), currency -> {
                    BigDecimal zero = money(BigDecimal.ZERO, currency);
                    return new BigDecimal[] {zero, zero, zero, zero};
                });
                int beforeIndex = before.equals(Outcome.APPROVE.name()) ? 0 : 2;
                int afterIndex = after.equals(Outcome.APPROVE.name()) ? 1 : 3;
                sums[beforeIndex] = sums[beforeIndex].add(verdict.amount());
                sums[afterIndex] = sums[afterIndex].add(verdict.amount());
            }
            if (verdict.outcome() == null) {
                noResult++;
            }
            if (before.equals(after)) {
                unchanged++;
                continue;
            }
            transitions.merge(new FromTo(before, after), 1, Integer::sum);
            Long customerId = customerOf.get(decision.getOrderId());
            changes.add(new ChangedDecision(
                    decision.getId(),
                    decision.getOrderId(),
                    customerId,
                    customerId == null ? null : names.get(customerId),
                    verdict.amount(),
                    verdict.currency(),
                    decision.getDecidedAt(),
                    before,
                    decision.getReason(),
                    after,
                    verdict.reason(),
                    verdict.reviewGroup()));
        }
        return new BackTestReport.Policy(
                UploadedTable.POLICY_DECISION,
                table.name(),
                table.sha256(),
                asked,
                recorded.size(),
                recorded.isEmpty() ? null : recorded.getLast().getDecidedAt(),
                recorded.isEmpty() ? null : recorded.getFirst().getDecidedAt(),
                unchanged,
                recorded.size() - unchanged,
                noResult,
                sorted(transitions),
                reviewsBefore,
                reviewsAfter,
                exposure.entrySet().stream()
                        .map(e -> new Exposure(
                                e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                        .toList(),
                changes);
    }

    /** The process's gateway approves on APPROVE, rejects on REJECT and sends anything else to a person. */
    private static boolean goesToReview(String outcome) {
        return !outcome.equals(Outcome.APPROVE.name()) && !outcome.equals(Outcome.REJECT.name());
    }

    /** What the uploaded table says for one recorded decision's inputs; outcome null when it says nothing. */
    private record Verdict(BigDecimal amount, String currency, String outcome, String reason, String reviewGroup) {}

    private Verdict replay(UploadedTable table, DecisionEngine engine, CreditDecision decision) {
        CreditPolicyInputs inputs;
        try {
            inputs = CreditPolicyInputs.fromJson(decision.getInputs());
        } catch (InvalidCreditException e) {
            return new Verdict(null, null, null, "the recorded inputs cannot be read: " + e.getMessage(), null);
        }
        Map<String, Object> variables = inputs.asVariables();
        BigDecimal amount = inputs.orderAmount() == null ? null : money(inputs.orderAmount(), inputs.currency());
        DecisionEvaluationResult result =
                engine.evaluateDecisionById(table.graph(), UploadedTable.POLICY_DECISION, () -> variables);
        if (result.isFailure()) {
            return new Verdict(
                    amount, inputs.currency(), null, "the table failed: " + result.getFailureMessage(), null);
        }
        JsonNode output = DecisionTables.output(result.getOutput());
        if (output == null) {
            return new Verdict(amount, inputs.currency(), null, "no rule matched", null);
        }
        if (output.isTextual()) {
            return new Verdict(amount, inputs.currency(), output.asText(), null, null);
        }
        JsonNode outcome = output.get("outcome");
        if (outcome == null || outcome.isNull()) {
            return new Verdict(amount, inputs.currency(), null, "the matched rule gives no outcome: " + output, null);
        }
        return new Verdict(
                amount,
                inputs.currency(),
                outcome.asText(),
                text(output.get("reason")),
                text(output.get("reviewGroup")));
    }

    /**
     * The process variables came through the engine as JSON numbers (12000.0); the report shows them as money in the
     * currency's minor unit. A currency that is not ISO 4217 keeps the amount as it was recorded.
     */
    private static BigDecimal money(BigDecimal amount, String currency) {
        try {
            return currency == null ? amount : Amounts.round(amount, currency);
        } catch (IllegalArgumentException e) {
            return amount;
        }
    }

    private BackTestReport.Scores scores(UploadedTable table, int asked) {
        Scorecard scorecard = Scorecard.of(table.content());
        List<CreditScore> latest = scoring.latestPerCustomer(asked);
        Map<Long, String> names = customers.namesOf(
                latest.stream().map(CreditScore::getCustomerId).toList());
        Map<FromTo, Integer> transitions = new LinkedHashMap<>();
        List<ChangedScore> changes = new ArrayList<>();
        int unchanged = 0;
        int noResult = 0;
        int raised = 0;
        int lowered = 0;
        for (CreditScore stored : latest) {
            String classBefore = stored.getRiskClass().name();
            Scorecard.Result result;
            String message = null;
            try {
                ScoreFacts facts = scoring.factsOf(stored);
                result = scorecard.evaluate(facts);
            } catch (InvalidCreditException | IllegalStateException e) {
                result = null;
                message = e.getMessage();
            }
            String classAfter = result == null
                    ? BackTestReport.NO_RESULT
                    : result.riskClass().name();
            Integer scoreAfter = result == null ? null : result.score();
            if (result != null && result.score() == stored.getScore() && classAfter.equals(classBefore)) {
                unchanged++;
                continue;
            }
            if (result == null) {
                noResult++;
            } else if (result.score() > stored.getScore()) {
                raised++;
            } else if (result.score() < stored.getScore()) {
                lowered++;
            }
            if (!classAfter.equals(classBefore)) {
                transitions.merge(new FromTo(classBefore, classAfter), 1, Integer::sum);
            }
            changes.add(new ChangedScore(
                    stored.getCustomerId(),
                    names.get(stored.getCustomerId()),
                    stored.getId(),
                    stored.getComputedAt(),
                    stored.getScore(),
                    scoreAfter,
                    classBefore,
                    classAfter,
                    message));
        }
        return new BackTestReport.Scores(
                Scorecard.SCORE,
                table.name(),
                table.sha256(),
                asked,
                latest.size(),
                unchanged,
                latest.size() - unchanged,
                noResult,
                raised,
                lowered,
                sorted(transitions),
                changes);
    }

    private record FromTo(String from, String to) {}

    private static List<Transition> sorted(Map<FromTo, Integer> transitions) {
        return transitions.entrySet().stream()
                .map(e -> new Transition(e.getKey().from(), e.getKey().to(), e.getValue()))
                .sorted(Comparator.comparingInt(Transition::count)
                        .reversed()
                        .thenComparing(Transition::from)
                        .thenComparing(Transition::to))
                .toList();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
