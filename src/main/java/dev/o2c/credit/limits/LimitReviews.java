package dev.o2c.credit.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceService;
import dev.o2c.credit.AuthorityTable;
import dev.o2c.credit.CreditExposure;
import dev.o2c.credit.CreditRecheck;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.payments.PaymentService;
import dev.o2c.platform.audit.AuditLog;
import dev.o2c.platform.engine.ProcessCommands;
import dev.o2c.platform.money.Amounts;
import dev.o2c.platform.money.Currencies;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Limit requests and periodic reviews (process credit-limit-review): opens at most one review per customer at a time,
 * gathers the facts, records the proposal, the approver's decision with its authority, the second approval, and sets
 * the new limit through CustomerService with an audit record. Orders waiting in credit review are checked again when a
 * limit rises.
 */
@Service
public class LimitReviews {

    public static final String PROCESS = "credit-limit-review";
    static final String ENTITY = "limit-review";
    static final String SCHEDULE_ACTOR = "limit-review-schedule";
    static final String ALERT_ACTOR = "credit-alert";
    private static final Logger log = LoggerFactory.getLogger(LimitReviews.class);

    private final LimitReviewRepository reviews;
    private final CustomerService customers;
    private final CreditExposure exposure;
    private final InvoiceService invoices;
    private final PaymentService payments;
    private final LimitAuthority authority;
    private final LimitReviewSettings settings;
    private final ProcessCommands processes;
    private final CreditRecheck recheck;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final ScoreAndBureauFacts scoreAndBureau;

    LimitReviews(
            LimitReviewRepository reviews,
            CustomerService customers,
            CreditExposure exposure,
            InvoiceService invoices,
            PaymentService payments,
            LimitAuthority authority,
            LimitReviewSettings settings,
            ProcessCommands processes,
            CreditRecheck recheck,
            AuditLog audit,
            Clock clock,
            PlatformTransactionManager transactions,
            ObjectMapper json,
            ScoreAndBureauFacts scoreAndBureau) {
        this.reviews = reviews;
        this.customers = customers;
        this.exposure = exposure;
        this.invoices = invoices;
        this.payments = payments;
        this.authority = authority;
        this.settings = settings;
        this.processes = processes;
        this.recheck = recheck;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        this.scoreAndBureau = scoreAndBureau;
    }

    /** A limit request from sales or credit staff: 404 for an unknown customer, 400 naming the field, 409 if open. */
    public LimitReview request(long customerId, BigDecimal amount, String currency, String reason, String actor) {
        Customer customer = customers.get(customerId);
        if (!customer.getCurrency().equals(currency)) {
            throw new InvalidLimitReviewException(
                    "currency", "must be the customer's currency " + customer.getCurrency() + ", not " + currency);
        }
        checkLimit("amount", amount, currency);
        if (amount.compareTo(customer.getCreditLimit()) == 0) {
            throw new InvalidLimitReviewException("amount", "is already the customer's credit limit");
        }
        LimitReview review = open(customer, LimitReview.Trigger.REQUEST, amount, actor, reason)
                .orElseThrow(() -> conflict(customerId));
        return review;
    }

    /**
     * An alert (scoring: utilisation, a drop of risk class, a bureau insolvency flag) asks for a review. A review
     * already open for the customer takes the alert in (returned, with an audit note); otherwise a new one starts.
     */
    public LimitReview startForAlert(long customerId, String reason) {
        Customer customer = customers.get(customerId);
        String why = reason == null || reason.isBlank() ? "credit alert" : reason;
        Optional<LimitReview> started = open(customer, LimitReview.Trigger.ALERT, null, ALERT_ACTOR, why);
        if (started.isPresent()) {
            return started.get();
        }
        LimitReview running = openReviewOf(customerId).orElseThrow(() -> conflict(customerId));
        transaction.executeWithoutResult(status -> audit.record(
                ALERT_ACTOR, "LIMIT_REVIEW_ALERT_JOINED", ENTITY, running.getId(), "alert joins the open review", why));
        return running;
    }

    /**
     * The daily sweep: starts a periodic review for every customer with a limit whose last review (or creation) is
     * at least its risk class's interval ago and who has no review open, the longest overdue first, at most
     * maxPerSweep. Returns the reviews it started. Running it twice starts nothing twice.
     */
    public List<LimitReview> startDue() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        Map<Long, Instant> lastClosed = new HashMap<>();
        for (Object[] row : reviews.lastClosedPerCustomer()) {
            lastClosed.put((Long) row[0], (Instant) row[1]);
        }
        Set<Long> open = new HashSet<>(reviews.customersWithReviewIn(LimitReview.Status.IN_PROGRESS));
        record Due(Customer customer, LocalDate dueOn) {}
        List<Due> due = new ArrayList<>();
        for (Customer customer : customers.all()) {
            // a customer without credit has no limit to review; asking for one starts a review at any time
            if (open.contains(customer.getId()) || customer.getCreditLimit().signum() <= 0) {
                continue;
            }
            Instant since = lastClosed.getOrDefault(customer.getId(), customer.getCreatedAt());
            LocalDate dueOn = LocalDate.ofInstant(since, clock.getZone()).plus(settings.interval(customer.riskClass()));
            if (!dueOn.isAfter(today)) {
                due.add(new Due(customer, dueOn));
            }
        }
        List<LimitReview> started = new ArrayList<>(restartOrphans(now));
        due.stream()
                .sorted(Comparator.comparing(Due::dueOn))
                .limit(settings.maxPerSweep())
                .forEach(d -> {
                    try {
                        open(
                                        d.customer(),
                                        LimitReview.Trigger.PERIODIC,
                                        null,
                                        SCHEDULE_ACTOR,
                                        "periodic review (risk class "
                                                + d.customer().riskClass() + ", every "
                                                + settings.interval(d.customer().riskClass()) + "), due " + d.dueOn())
                                .ifPresent(started::add);
                    } catch (RuntimeException e) {
                        // one customer's failure must not stop the others; the next sweep tries again
                        log.warn(
                                "periodic limit review of customer {} not started: {}",
                                d.customer().getId(),
                                e.getMessage());
                    }
                });
        log.info("limit review sweep at {}: {} due, {} started", now, due.size(), started.size());
        return started;
    }

    /**
     * A review is saved before its process starts (so that the one-open-review rule holds in the database); should the
     * application have stopped in between, the review would block the customer for good. The sweep starts the
     * process of every such review older than an hour (a younger one may still be starting).
     */
    private List<LimitReview> restartOrphans(Instant now) {
        List<LimitReview> restarted = new ArrayList<>();
        for (LimitReview orphan : reviews.findByStatusAndProcessInstanceKeyIsNullAndRequestedAtBefore(
                LimitReview.Status.OPEN, now.minus(java.time.Duration.ofHours(1)))) {
            try {
                long key = processes.start(PROCESS, startVariables(orphan));
                long id = orphan.getId();
                restarted.add(transaction.execute(status -> {
                    LimitReview stored = reviews.lockById(id).orElseThrow();
                    recordStart(stored, key);
                    audit.record(
                            SCHEDULE_ACTOR,
                            "LIMIT_REVIEW_RESTARTED",
                            ENTITY,
                            id,
                            "its process had not started; started now",
                            null);
                    return stored;
                }));
            } catch (RuntimeException e) {
                log.warn("limit review {} not restarted: {}", orphan.getId(), e.getMessage());
            }
        }
        return restarted;
    }

    /**
     * Records the review's process instance, the first one only. False when the review has another instance or is gone
     * (taken back because its start seemed to fail): that instance must end before it gathers the facts.
     */
    public boolean startedAs(long reviewId, long processInstanceKey) {
        // a template, not @Transactional: the review's own starts call this on the same instance
        return Boolean.TRUE.equals(transaction.execute(status -> reviews.lockById(reviewId)
                .map(review -> recordStart(review, processInstanceKey))
                .orElse(false)));
    }

    private static boolean recordStart(LimitReview review, long processInstanceKey) {
        boolean recorded = review.started(processInstanceKey);
        if (!recorded) {
            log.info(
                    "limit review {}: another instance was recorded first; instance {} ends at its first task",
                    review.getId(),
                    processInstanceKey);
        }
        return recorded;
    }

    private static Map<String, Object> startVariables(LimitReview review) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("reviewId", review.getId());
        variables.put("customerId", review.getCustomerId());
        variables.put("trigger", review.getTrigger().name());
        variables.put("requestedBy", review.getRequestedBy());
        return variables;
    }

    /**
     * Opens the review (its own transaction, committed) and then starts its process; empty when the customer already
     * has a review open. Should the engine refuse the start, the review is removed again so the customer is not
     * blocked, and the error goes to the caller.
     */
    private Optional<LimitReview> open(
            Customer customer, LimitReview.Trigger trigger, BigDecimal requested, String actor, String reason) {
        LimitReview review;
        try {
            review = transaction.execute(status -> {
                if (openReviewOf(customer.getId()).isPresent()) {
                    return null;
                }
                LimitReview created = reviews.saveAndFlush(new LimitReview(
                        customer.getId(), trigger, customer.getCurrency(), requested, actor, reason, clock.instant()));
                audit.record(
                        actor,
                        "LIMIT_REVIEW_" + trigger,
                        ENTITY,
                        created.getId(),
                        "customer " + customer.getId() + ", limit " + customer.getCreditLimit() + " "
                                + customer.getCurrency()
                                + (requested == null ? "" : ", asked for " + requested),
                        reason);
                return created;
            });
        } catch (DataIntegrityViolationException e) {
            return Optional.empty(); // another request opened one at the same moment (unique open review per customer)
        }
        if (review == null) {
            return Optional.empty();
        }
        long key;
        try {
            key = processes.start(PROCESS, startVariables(review));
        } catch (RuntimeException e) {
            long id = review.getId();
            transaction.executeWithoutResult(status -> reviews.deleteById(id));
            throw e;
        }
        long id = review.getId();
        return Optional.of(transaction.execute(status -> {
            LimitReview stored = reviews.lockById(id).orElseThrow();
            recordStart(stored, key);
            return stored;
        }));
    }

    private IllegalLimitReviewTransitionException conflict(long customerId) {
        return openReviewOf(customerId)
                .map(open -> new IllegalLimitReviewTransitionException("customer " + customerId
                        + " already has limit review " + open.getId() + " open (" + open.getStatus() + ", "
                        + open.getTrigger() + " by " + open.getRequestedBy() + "); one review at a time"))
                .orElseGet(() -> new IllegalLimitReviewTransitionException(
                        "customer " + customerId + " already has a limit review open; one review at a time"));
    }

    public Optional<LimitReview> openReviewOf(long customerId) {
        return reviews.findFirstByCustomerIdAndStatusIn(customerId, LimitReview.Status.IN_PROGRESS);
    }

    public LimitReview get(long reviewId) {
        return reviews.findById(reviewId).orElseThrow(() -> new LimitReviewNotFoundException(reviewId));
    }

    public List<LimitReview> forCustomer(long customerId) {
        customers.get(customerId);
        return reviews.findByCustomerIdOrderByIdDesc(customerId);
    }

    /** A limit that can be set: positive (zero for "no credit" only where allowed), the currency's decimals, ceiling. */
    void checkLimit(String field, BigDecimal limit, String currency) {
        if (limit == null) {
            throw new InvalidLimitReviewException(field, "is required");
        }
        if (limit.signum() <= 0) {
            throw new InvalidLimitReviewException(field, "must be greater than zero");
        }
        if (!Currencies.hasMinorUnitScale(limit, currency)) {
            throw new InvalidLimitReviewException(field, "has more decimals than " + currency + " allows");
        }
        if (limit.compareTo(settings.ceiling()) > 0) {
            throw new InvalidLimitReviewException(
                    field, "is above the highest limit this application sets, " + settings.ceiling() + " " + currency);
        }
    }

    // ---- the process steps (workers) ----

    /**
     * gather-limit-facts: exposure, limit, risk class and payment behaviour, the latest score and the bureau's
     * recommended limit, stored on the review as the basis.
     */
    @Transactional
    public LimitFacts gatherFacts(long reviewId) {
        LimitReview review = reviews.lockById(reviewId).orElseThrow(() -> new LimitReviewNotFoundException(reviewId));
        Customer customer = customers.get(review.getCustomerId());
        LocalDate today = LocalDate.now(clock);
        BigDecimal current = customer.getCreditLimit();
        BigDecimal used = exposure.of(customer.getId());
        List<Invoice> open = invoices.search(customer.getId(), null).stream()
                .filter(invoice -> invoice.getStatus().isOpen())
                .toList();
        BigDecimal overdue = BigDecimal.ZERO;
        long maxDaysOverdue = 0;
        for (Invoice invoice : open) {
            long days = ChronoUnit.DAYS.between(invoice.getDueDate(), today);
            if (days > 0) {
                overdue = overdue.add(invoice.getOpenAmount());
                maxDaysOverdue = Math.max(maxDaysOverdue, days);
            }
        }
        long paymentsLastYear = payments.recentOf(customer.getId(), 200).stream()
                .filter(payment -> !payment.getValueDate().isBefore(today.minusMonths(12)))
                .count();
        long months = ChronoUnit.MONTHS.between(LocalDate.ofInstant(customer.getCreatedAt(), clock.getZone()), today);
        LimitFacts facts = new LimitFacts(
                review.getId(),
                customer.getId(),
                customer.getName(),
                review.getTrigger().name(),
                customer.getCurrency(),
                customer.riskClass().name(),
                current,
                used,
                current.subtract(used),
                current.signum() > 0 ? used.divide(current, 4, RoundingMode.HALF_UP) : null,
                open.size(),
                overdue,
                (int) maxDaysOverdue,
                (int) paymentsLastYear,
                (int) Math.max(0, months),
                review.getRequestedLimit(),
                review.getRequestedBy(),
                review.getReason(),
                scoreAndBureau.score(customer),
                scoreAndBureau.bureauRecommendedLimit(customer));
        try {
            review.factsGathered(json.writeValueAsString(facts), current);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("facts of limit review " + reviewId + " not serialisable", e);
        }
        return facts;
    }

    /**
     * prepare-limit-review: takes the table's proposal (rounded to the currency, never below zero nor above the
     * ceiling) and names the group that may accept it, so the task goes to people who can decide it as proposed.
     */
    @Transactional
    public Routing recommend(long reviewId, String proposal, BigDecimal recommendedLimit, String explanation) {
        LimitReview review = reviews.lockById(reviewId).orElseThrow(() -> new LimitReviewNotFoundException(reviewId));
        Customer customer = customers.get(review.getCustomerId());
        BigDecimal proposed = recommendedLimit == null ? customer.getCreditLimit() : recommendedLimit;
        proposed = Amounts.round(proposed.max(BigDecimal.ZERO).min(settings.ceiling()), review.getCurrency());
        AuthorityTable.Required required = authority.required(
                customer.getCreditLimit(), proposed, customer.riskClass().name());
        String text = (proposal == null ? "KEEP" : proposal) + ": " + (explanation == null ? "" : explanation);
        review.recommended(proposed, text, required.group());
        return new Routing(
                proposed, text, required.group(), AuthorityTable.groupsHolding(required.group()), required.authority());
    }

    /** The proposal as the task shows it and the groups whose inbox it goes to. */
    public record Routing(
            BigDecimal recommendedLimit,
            String proposalText,
            String reviewGroup,
            List<String> reviewGroups,
            String recommendedAuthority) {}

    /** What an approver's choice means: the new limit and the authority it needs, judged on today's limit. */
    public record Assessment(
            LimitReview review, BigDecimal currentLimit, BigDecimal newLimit, AuthorityTable.Required required) {}

    /** Judges a decision before it is taken (the task guard) and when it is recorded (the worker). */
    @Transactional(readOnly = true)
    public Assessment assess(long reviewId, LimitReview.Decision decision, BigDecimal changedLimit) {
        LimitReview review = get(reviewId);
        Customer customer = customers.get(review.getCustomerId());
        BigDecimal current = customer.getCreditLimit();
        BigDecimal newLimit =
                switch (decision) {
                    case ACCEPT -> review.getRecommendedLimit();
                    case CHANGE -> {
                        checkLimit("newCreditLimit", changedLimit, review.getCurrency());
                        yield changedLimit;
                    }
                    case REFUSE -> current;
                };
        if (newLimit == null) {
            throw new IllegalLimitReviewTransitionException("limit review " + reviewId + " has no proposal yet");
        }
        return new Assessment(
                review,
                current,
                newLimit,
                authority.required(current, newLimit, customer.riskClass().name()));
    }

    /** record-limit-decision: the approver's decision, once; a repeated job answers from what is stored. */
    @Transactional
    public LimitReview recordDecision(
            long reviewId, LimitReview.Decision decision, BigDecimal changedLimit, String by, String comment) {
        LimitReview review = reviews.lockById(reviewId).orElseThrow(() -> new LimitReviewNotFoundException(reviewId));
        if (review.getDecidedBy() != null) {
            return review;
        }
        Assessment assessment = assess(reviewId, decision, changedLimit);
        boolean refusing = decision == LimitReview.Decision.REFUSE;
        AuthorityTable.Required required = assessment.required();
        review.decided(
                decision,
                assessment.newLimit(),
                by,
                comment,
                required.group(),
                required.authority(),
                !refusing && required.secondApprover(),
                clock.instant());
        audit.record(
                by,
                "LIMIT_REVIEW_" + decision,
                ENTITY,
                reviewId,
                "customer " + review.getCustomerId() + ": " + assessment.currentLimit() + " -> " + assessment.newLimit()
                        + " " + review.getCurrency() + " (proposed " + review.getRecommendedLimit() + "); authority "
                        + required.group() + ": " + required.authority()
                        + (review.getStatus() == LimitReview.Status.AWAITING_SECOND_APPROVAL
                                ? "; awaiting a second approver"
                                : ""),
                comment);
        return review;
    }

    /** record-limit-second-approval: confirms (the limit is set next) or refuses (the limit stays); once. */
    @Transactional
    public LimitReview recordSecondApproval(long reviewId, boolean confirmed, String by, String comment) {
        LimitReview review = reviews.lockById(reviewId).orElseThrow(() -> new LimitReviewNotFoundException(reviewId));
        if (review.getSecondApprovedBy() != null) {
            return review;
        }
        review.secondDecided(confirmed, by, comment, clock.instant());
        audit.record(
                by,
                confirmed ? "LIMIT_REVIEW_SECOND_APPROVAL" : "LIMIT_REVIEW_SECOND_REFUSAL",
                ENTITY,
                reviewId,
                "second approval of " + review.getDecidedBy() + "'s " + review.getDecision() + " to "
                        + review.getDecidedLimit() + " " + review.getCurrency(),
                comment);
        return review;
    }

    /**
     * apply-credit-limit: sets the decided limit through CustomerService (audit CREDIT_LIMIT_CHANGED, old -> new, the
     * approvers and why), once. When the limit rises, orders of the customer waiting in credit review are checked
     * again after commit (CreditRecheck).
     */
    @Transactional
    public LimitReview apply(long reviewId) {
        LimitReview review = reviews.lockById(reviewId).orElseThrow(() -> new LimitReviewNotFoundException(reviewId));
        if (review.getStatus() == LimitReview.Status.APPLIED) {
            return review;
        }
        Customer customer = customers.get(review.getCustomerId());
        BigDecimal old = customer.getCreditLimit();
        BigDecimal decided = review.getDecidedLimit();
        String why = "limit review " + reviewId + " (" + review.getTrigger() + " by " + review.getRequestedBy() + ": "
                + review.getReason() + "); " + review.getAuthority() + "; " + review.getDecisionComment();
        if (decided.compareTo(old) != 0) {
            customers.changeCreditLimit(customer.getId(), decided, review.approvers(), why);
        } else {
            audit.record(
                    review.approvers(),
                    "CREDIT_LIMIT_CONFIRMED",
                    "customer",
                    customer.getId(),
                    old + " kept after limit review " + reviewId,
                    why);
        }
        review.applied(old, decided, clock.instant());
        audit.record(
                review.approvers(),
                "LIMIT_REVIEW_APPLIED",
                ENTITY,
                reviewId,
                old + " -> " + decided,
                review.getDecisionComment());
        if (decided.compareTo(old) > 0) {
            long customerId = customer.getId();
            String cause = "limit-review-" + reviewId;
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    recheck.requestFor(customerId, cause);
                }
            });
        }
        return review;
    }
}
