package dev.o2c.credit;

import dev.o2c.credit.CreditDecision.Outcome;
import dev.o2c.credit.CreditDecision.Source;
import dev.o2c.orders.OrderService;
import dev.o2c.platform.audit.AuditLog;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records credit decisions, once per decision however often the worker that reports it runs. */
@Service
public class CreditDecisions {

    private final CreditDecisionRepository decisions;
    private final OrderService orders;
    private final AuditLog audit;
    private final Clock clock;

    CreditDecisions(CreditDecisionRepository decisions, OrderService orders, AuditLog audit, Clock clock) {
        this.decisions = decisions;
        this.orders = orders;
        this.audit = audit;
        this.clock = clock;
    }

    /** The policy's verdict. A REVIEW outcome puts the order into credit review. */
    @Transactional
    public CreditDecision recordPolicyDecision(
            long orderId, Outcome outcome, String reason, String inputs, String idempotencyKey) {
        return decisions.findByIdempotencyKey(idempotencyKey).orElseGet(() -> {
            CreditDecision decision =
                    save(orderId, outcome, reason, inputs, "credit-policy", Source.POLICY, idempotencyKey);
            if (outcome == Outcome.REVIEW) {
                orders.moveToReview(orderId, "credit-policy", reason);
            }
            return decision;
        });
    }

    /** A reviewer's verdict (APPROVE or REJECT); what follows from it is the process's next steps. */
    @Transactional
    public CreditDecision recordReview(
            long orderId, Outcome outcome, String comment, String reviewer, String idempotencyKey) {
        return recordReview(orderId, outcome, comment, "manual review", reviewer, idempotencyKey);
    }

    /** The same, with the figures and authority the reviewer decided on as its inputs. */
    @Transactional
    public CreditDecision recordReview(
            long orderId, Outcome outcome, String comment, String inputs, String reviewer, String idempotencyKey) {
        if (outcome == Outcome.REVIEW) {
            throw new IllegalArgumentException("a review ends in APPROVE or REJECT");
        }
        return decisions
                .findByIdempotencyKey(idempotencyKey)
                .orElseGet(() -> save(orderId, outcome, comment, inputs, reviewer, Source.REVIEW, idempotencyKey));
    }

    @Transactional(readOnly = true)
    public List<CreditDecision> forOrder(long orderId) {
        return decisions.findByOrderIdOrderByIdAsc(orderId);
    }

    /** The decision that stands for an order: the last one recorded (a review overrules the policy's). */
    @Transactional(readOnly = true)
    public Optional<CreditDecision> latestFor(long orderId) {
        return decisions.findFirstByOrderIdOrderByIdDesc(orderId);
    }

    /** The policy's last {@code count} decisions (the DMN's verdicts, not the reviewers'), newest first. */
    @Transactional(readOnly = true)
    public List<CreditDecision> latestPolicyDecisions(int count) {
        return decisions.findBySourceOrderByIdDesc(Source.POLICY.name(), PageRequest.of(0, count));
    }

    private CreditDecision save(
            long orderId,
            Outcome outcome,
            String reason,
            String inputs,
            String decidedBy,
            Source source,
            String idempotencyKey) {
        CreditDecision decision = decisions.save(new CreditDecision(
                orderId, outcome, reason, inputs, decidedBy, clock.instant(), source, idempotencyKey));
        audit.record(
                decidedBy, "CREDIT_DECISION_" + outcome, "order", orderId, source + " decision on " + inputs, reason);
        return decision;
    }
}
