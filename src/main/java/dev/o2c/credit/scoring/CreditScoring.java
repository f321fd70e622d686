package dev.o2c.credit.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o2c.credit.CreditAlertRaised;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.RiskClass;
import dev.o2c.platform.audit.AuditLog;
import dev.o2c.platform.text.Texts;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's credit score: computed from fresh facts by the scorecard, kept as history with its inputs and factors,
 * and followed by the customer's risk class (an audited change by "system"). A customer with nothing to go on yet (no
 * invoice paid in 12 months, no bureau report) keeps the class given at onboarding unless the score is worse: the
 * neutral rows alone never raise a class. Alerts are raised when a line is crossed.
 * Collections (downstream) calls {@link #recompute} when an invoice becomes overdue, a reminder goes out or a promise
 * to pay is broken; payments are heard through their event; a nightly run covers the rest.
 */
@Service
public class CreditScoring {

    static final String ACTOR = "system";
    static final BigDecimal WARNING_LINE = BigDecimal.valueOf(80);
    static final BigDecimal LIMIT_LINE = BigDecimal.valueOf(100);
    private static final int REASON_LENGTH = 1000;
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private final CustomerService customers;
    private final ScoreFactsReader facts;
    private final Scorecard scorecard;
    private final CreditScoreRepository scores;
    private final CreditAlertRepository alerts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ScoringProperties properties;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    /** Stored inputs of an older shape (a fact since dropped) still read; the comparison then finds them changed. */
    private final ObjectMapper json =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    CreditScoring(
            CustomerService customers,
            ScoreFactsReader facts,
            Scorecard scorecard,
            CreditScoreRepository scores,
            CreditAlertRepository alerts,
            AuditLog audit,
            ApplicationEventPublisher events,
            ScoringProperties properties,
            JdbcTemplate jdbc,
            Clock clock) {
        this.customers = customers;
        this.facts = facts;
        this.scorecard = scorecard;
        this.scores = scores;
        this.alerts = alerts;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Scores the customer on today's facts. Idempotent: when the facts equal those of the latest score, nothing is
     * written and the latest score is returned ({@code recorded} false). Runs in its own transaction, so it can follow
     * a committed payment and a failing scorecard never undoes the change that triggered it.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Outcome recompute(long customerId, ScoreTrigger trigger) {
        lock(customerId);
        Customer customer = customers.get(customerId); // an unknown customer: 404, nothing written
        return record(customer, facts.read(customer), trigger);
    }

    /** Scores the customer on the given facts (the bureau's own report path and tests hand them in). */
    @Transactional
    public Outcome recompute(long customerId, ScoreFacts given, ScoreTrigger trigger) {
        lock(customerId);
        return record(customers.get(customerId), given, trigger);
    }

    @Transactional(readOnly = true)
    public Optional<CreditScore> latest(long customerId) {
        customers.get(customerId);
        return scores.findFirstByCustomerIdOrderByIdDesc(customerId);
    }

    /** Newest first, at most 100. */
    @Transactional(readOnly = true)
    public List<CreditScore> history(long customerId) {
        customers.get(customerId);
        return scores.findTop100ByCustomerIdOrderByIdDesc(customerId);
    }

    /** The latest score of each of the {@code customers} most recently scored customers, newest first. */
    @Transactional(readOnly = true)
    public List<CreditScore> latestPerCustomer(int customers) {
        return scores.latestPerCustomer(customers);
    }

    /** The facts a stored score was computed from (an older shape still reads). */
    public ScoreFacts factsOf(CreditScore score) {
        return facts(score.getInputs());
    }

    private Outcome record(Customer customer, ScoreFacts now, ScoreTrigger trigger) {
        long customerId = customer.getId();
        Optional<CreditScore> previous = scores.findFirstByCustomerIdOrderByIdDesc(customerId);
        JsonNode inputs = json.valueToTree(now);
        ScoreFacts before = previous.map(score -> facts(score.getInputs())).orElse(null);
        if (before != null && json.valueToTree(before).equals(NUMBERS_BY_VALUE, inputs)) {
            return new Outcome(previous.get(), false, List.of());
        }
        Scorecard.Result result = scorecard.evaluate(now);
        RiskClass current = customer.riskClass();
        RiskClass target = result.riskClass();
        List<String> lines = new ArrayList<>(changes(previous.orElse(null), before, now, result));
        if (!proven(now) && target.compareTo(current) < 0) {
            // an unproven customer can lose standing on bad signs, but not gain it on the neutral rows alone
            lines.add("risk class stays " + current + " (score says " + target
                    + "): no invoice paid in the last 12 months and no bureau report, so the score may lower the"
                    + " class but not raise it");
            target = current;
        }
        result.contributions().forEach(contribution -> lines.add(contribution.line()));
        CreditScore score = scores.save(new CreditScore(
                customerId,
                result.score(),
                result.riskClass(),
                inputs.toString(),
                lines,
                clock.instant(),
                Texts.fit(trigger.toString(), 200)));
        audit.record(
                ACTOR,
                "CREDIT_SCORE_COMPUTED",
                "customer",
                customerId,
                "score " + result.score() + ", risk class " + result.riskClass() + " from " + inputs,
                Texts.fit(trigger.toString(), REASON_LENGTH));

        if (target != current) {
            customers.changeRiskClass(
                    customerId,
                    target,
                    ACTOR,
                    Texts.fit(
                            "credit score " + result.score() + " after " + trigger + ": " + String.join("; ", lines),
                            REASON_LENGTH));
        }
        List<CreditAlert> raised = new ArrayList<>();
        BigDecimal utilisationBefore = before == null ? BigDecimal.ZERO : before.utilisationPercent();
        if (crossed(utilisationBefore, now.utilisationPercent(), LIMIT_LINE)) {
            raised.add(raise(customer, score, CreditAlert.Kind.UTILISATION_100, utilisationText(now, "reached")));
        } else if (crossed(utilisationBefore, now.utilisationPercent(), WARNING_LINE)) {
            raised.add(raise(customer, score, CreditAlert.Kind.UTILISATION_80, utilisationText(now, "passed 80 %:")));
        }
        if (target.compareTo(current) > 0) {
            raised.add(raise(
                    customer,
                    score,
                    CreditAlert.Kind.RISK_CLASS_DROP,
                    "risk class fell from " + current + " to " + target + " (score " + result.score() + ", " + trigger
                            + ")"));
        }
        if (now.bureauInsolvent() && (before == null || !before.bureauInsolvent())) {
            raised.add(raise(
                    customer,
                    score,
                    CreditAlert.Kind.BUREAU_INSOLVENCY,
                    "the credit bureau reports " + customer.getName() + " insolvent; risk class now " + target));
        }
        return new Outcome(score, true, List.copyOf(raised));
    }

    /** Something to go on beyond the neutral rows: a paid invoice in the last 12 months or a bureau report. */
    static boolean proven(ScoreFacts facts) {
        return facts.invoicesPaid() > 0 || facts.bureauRating() != null || facts.bureauInsolvent();
    }

    /** Crossing a line means being below it before and at or above it now; staying above raises nothing again. */
    private static boolean crossed(BigDecimal before, BigDecimal now, BigDecimal line) {
        return before.compareTo(line) < 0 && now.compareTo(line) >= 0;
    }

    private static String utilisationText(ScoreFacts now, String verb) {
        return "utilisation " + verb + " "
                + now.utilisationPercent().stripTrailingZeros().toPlainString()
                + " % (exposure " + now.exposure().toPlainString() + " of limit "
                + now.creditLimit().toPlainString()
                + " " + now.currency() + ")";
    }

    private CreditAlert raise(Customer customer, CreditScore score, CreditAlert.Kind kind, String message) {
        CreditAlert alert = alerts.save(new CreditAlert(
                customer.getId(), score.getId(), kind, Texts.fit(message, REASON_LENGTH), clock.instant()));
        audit.record(ACTOR, "CREDIT_ALERT_RAISED", "customer", customer.getId(), kind + ": " + message, null);
        events.publishEvent(new CreditAlertRaised(
                alert.getId(),
                customer.getId(),
                customer.getName(),
                kind.name(),
                alert.getMessage(),
                properties.analystEmail()));
        return alert;
    }

    /** What moved since the previous score, in words: the lines a reader wants before the points. */
    private static List<String> changes(
            CreditScore previous, ScoreFacts before, ScoreFacts now, Scorecard.Result result) {
        List<String> lines = new ArrayList<>();
        if (previous != null && previous.getScore() != result.score()) {
            lines.add("score " + (result.score() < previous.getScore() ? "fell" : "rose") + " from "
                    + previous.getScore() + " to " + result.score());
        }
        BigDecimal earlier = now.earlierDaysBeyondTerms();
        BigDecimal recent = now.recentDaysBeyondTerms();
        if (earlier != null && recent != null && earlier.compareTo(recent) != 0) {
            lines.add("days beyond terms " + (recent.compareTo(earlier) > 0 ? "rose" : "fell") + " from "
                    + plain(earlier) + " to " + plain(recent) + " (9 months before vs last 3 months)");
        } else if (before != null
                && before.averageDaysBeyondTerms() != null
                && now.averageDaysBeyondTerms() != null
                && before.averageDaysBeyondTerms().compareTo(now.averageDaysBeyondTerms()) != 0) {
            lines.add("days beyond terms "
                    + (now.averageDaysBeyondTerms().compareTo(before.averageDaysBeyondTerms()) > 0 ? "rose" : "fell")
                    + " from " + plain(before.averageDaysBeyondTerms()) + " to "
                    + plain(now.averageDaysBeyondTerms()));
        }
        if (before == null || before.utilisationPercent().compareTo(now.utilisationPercent()) != 0) {
            lines.add("utilisation " + plain(now.utilisationPercent()) + " % ("
                    + now.exposure().toPlainString() + " of "
                    + now.creditLimit().toPlainString() + " "
                    + now.currency() + ")"
                    + (before == null ? "" : ", was " + plain(before.utilisationPercent()) + " %"));
        }
        if (before != null && now.highestDunningLevel() > before.highestDunningLevel()) {
            lines.add("dunning level " + now.highestDunningLevel() + " reached");
        }
        if (before != null && now.brokenPromises() > before.brokenPromises()) {
            lines.add("broken promises to pay rose from " + before.brokenPromises() + " to " + now.brokenPromises());
        }
        if (now.bureauInsolvent()) {
            lines.add("the credit bureau reports insolvency");
        }
        return lines;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private ScoreFacts facts(String inputs) {
        try {
            return json.readValue(inputs, ScoreFacts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored score inputs cannot be read: " + e.getMessage(), e);
        }
    }

    /** Two recomputations of one customer (a payment and the nightly run) take turns; other customers do not wait. */
    private void lock(long customerId) {
        jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> null, "credit-score:" + customerId);
    }

    /** The score now, whether this call recorded it, and the alerts it raised. */
    public record Outcome(CreditScore score, boolean recorded, List<CreditAlert> alerts) {}
}
