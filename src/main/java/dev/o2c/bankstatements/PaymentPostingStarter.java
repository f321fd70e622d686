package dev.o2c.bankstatements;

import dev.o2c.cashapplication.Proposal;
import dev.o2c.payments.PlannedPostings;
import dev.o2c.platform.engine.ProcessCommands;
import dev.o2c.platform.work.BulkWork;
import io.grpc.Status.Code;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes every imported credit on, after the import committed, on a thread of its own so a clerk's upload of a long
 * statement answers at once. A credit cash application is sure of is posted straight through, here, without a process
 * (straight-through posting, {@code o2c.cash-application.straight-through}, on by default): nobody waits for it and
 * nothing is to be decided, so it need not queue behind the engine. A credit that needs a clerk, or whose proposal went
 * stale before it was posted, starts one payment-posting process, where the clerk's task and its waiting are. If the
 * database or the engine failed at that moment the entry stays as it was, and the sweep takes it up later: an import
 * never waits for the engine and never loses an entry. With straight-through off, every credit runs the process (its
 * trusted path posts it), for those who want every posting in the process history.
 *
 * <p>A start can never happen twice for one entry, however slow the engine is (issue 10: starts queued behind the
 * engine outlived the sweep's grace period and the sweep started the same entries again):
 * <ol>
 *   <li>a starter first claims the entry in the database with a conditional update; of two starters at the same
 *       moment exactly one wins, the other does nothing;</li>
 *   <li>the sweep only claims entries that have no instance and whose claim is older than the grace period;</li>
 *   <li>the process starts by the message {@value #START_MESSAGE} whose message id and correlation key are the
 *       entry: while that message is buffered (a day) the engine refuses it a second time, so a sweep that retries a
 *       start still in flight is answered "already exists" and starts nothing;</li>
 *   <li>the process's first task records its instance on the entry (first one wins) and ends any other instance of
 *       the same entry before it posts anything or reaches a clerk, should one ever get past the engine.</li>
 * </ol>
 */
@Component
class PaymentPostingStarter {

    static final String PROCESS_ID = "payment-posting";
    static final String START_MESSAGE = "bank-credit-received";
    /** How long the engine remembers a start message and refuses it again. */
    private static final Duration START_MESSAGE_TTL = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(PaymentPostingStarter.class);
    private static final EnumSet<BankEntryStatus> STARTABLE =
            EnumSet.of(BankEntryStatus.MATCHED, BankEntryStatus.NEEDS_CLERK);

    private final BankEntryRepository entries;
    private final BankEntryPosting posting;
    private final ProcessCommands processes;
    private final ProposalCodec proposals;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Duration sweepGrace;
    private final BulkWork bulkWork;
    private final JdbcTemplate jdbc;
    private volatile boolean straightThrough;
    /**
     * A few single-threaded lanes: the entries of one customer always take the same lane, so they post in the
     * statement's order (the first of two credits for one invoice wins, the second goes to a clerk), while different
     * customers post side by side. A posting mostly waits for PostgreSQL, so one lane alone leaves the machine idle.
     */
    private final List<Lane> lanes;
    /** How many sure credits a lane posts in one transaction. */
    private final int batchSize;
    /** Runs between the claim and the start message; tests slow a start down here to reproduce a lagging engine. */
    private volatile LongConsumer beforeStart = id -> {};

    PaymentPostingStarter(
            BankEntryRepository entries,
            BankEntryPosting posting,
            ProcessCommands processes,
            ProposalCodec proposals,
            Clock clock,
            PlatformTransactionManager transactionManager,
            BulkWork bulkWork,
            JdbcTemplate jdbc,
            @Value("${o2c.bank-statements.start-grace:PT1M}") Duration sweepGrace,
            @Value("${o2c.cash-application.straight-through:true}") boolean straightThrough,
            @Value("${o2c.cash-application.posting-lanes:4}") int postingLanes,
            @Value("${o2c.cash-application.posting-batch:50}") int batchSize) {
        if (postingLanes < 1) {
            throw new IllegalArgumentException("o2c.cash-application.posting-lanes must be 1 or more");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("o2c.cash-application.posting-batch must be 1 or more");
        }
        this.lanes = IntStream.range(0, postingLanes).mapToObj(Lane::new).toList();
        this.batchSize = batchSize;
        this.entries = entries;
        this.posting = posting;
        this.straightThrough = straightThrough;
        this.processes = processes;
        this.proposals = proposals;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.sweepGrace = sweepGrace;
        this.bulkWork = bulkWork;
        this.jdbc = jdbc;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        lanes.forEach(lane -> lane.thread.shutdown());
        for (Lane lane : lanes) {
            lane.thread.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @TransactionalEventListener
    public void onReceived(BankEntryReceived received) {
        laneOf(received).add(received.bankEntryId());
    }

    /** An entry without a customer has nobody's order to keep: it goes by its own id. */
    private Lane laneOf(BankEntryReceived received) {
        long key = received.customerId() == null ? received.bankEntryId() : received.customerId();
        return lanes.get(Math.floorMod(Long.hashCode(key), lanes.size()));
    }

    /** Entries an import handed on but that were neither posted nor started (the app stopped, the engine was away). */
    @Scheduled(fixedDelayString = "${o2c.cash-application.start-sweep:PT1M}", initialDelayString = "PT1M")
    public void startMissed() {
        sweep(sweepGrace);
    }

    /** Starts the entries that have no instance and no claim younger than {@code grace}; returns how many it tried. */
    int sweep(Duration grace) {
        List<BankEntry> missed =
                entries.findWithoutProcess(STARTABLE, clock.instant().minus(grace));
        missed.forEach(entry -> start(entry.getId(), entry.getStartClaimedAt()));
        return missed.size();
    }

    /** Waits until the starts queued so far have run (tests). */
    void drain() throws Exception {
        for (Lane lane : lanes) {
            lane.thread.submit(() -> {}).get(1, TimeUnit.MINUTES);
        }
    }

    /**
     * Keeps every lane busy until {@code release} opens (tests): the entries handed on meanwhile wait in their lane
     * and are then taken up as batches.
     */
    void holdLanesUntil(CountDownLatch release) {
        lanes.forEach(lane -> lane.thread.execute(() -> {
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    /** Tests switch straight-through posting off to run a sure credit through the process's trusted path. */
    void straightThrough(boolean on) {
        this.straightThrough = on;
    }

    void slowDownStartsWith(LongConsumer hook) {
        this.beforeStart = hook == null ? id -> {} : hook;
    }

    /**
     * One lane's turn with a batch of entries, in the statement's order. The sure credits are claimed and posted in
     * one transaction: one commit for the batch instead of two per entry. Should that transaction fail as a whole
     * (a customer's currency changed, the database went away), each of them is tried alone, as any other entry is.
     * The others, and those whose proposal went stale, start their process.
     */
    private void startAll(List<Long> batch) {
        Map<Long, BankEntryStatus> statuses = new HashMap<>();
        transactions.executeWithoutResult(
                tx -> entries.findAllById(batch).forEach(entry -> statuses.put(entry.getId(), entry.getStatus())));
        List<Long> sure = straightThrough
                ? batch.stream()
                        .filter(id -> statuses.get(id) == BankEntryStatus.MATCHED)
                        .toList()
                : List.of();
        Map<Long, Optional<BankEntryPosting.Outcome>> posted = sure.isEmpty() ? Map.of() : postTogether(sure);
        for (long entryId : batch) {
            if (!sure.contains(entryId) || posted == null) {
                start(entryId, null);
            } else if (posted.containsKey(entryId)
                    && !(posted.get(entryId).orElse(null) instanceof BankEntryPosting.Posted)) {
                requestStart(entryId); // its proposal went stale, or it waits for a clerk now
            }
            // posted, or claimed by someone else (the sweep): nothing more to do here
        }
    }

    /**
     * Claims all of them first, then posts: the claims take the entries' rows before any customer or invoice is
     * locked, so a sweep racing for one of them waits for this transaction instead of deadlocking with it. Null when
     * the transaction failed and nothing of it stands.
     */
    private Map<Long, Optional<BankEntryPosting.Outcome>> postTogether(List<Long> sure) {
        try {
            return transactions.execute(tx -> {
                Set<Long> claimed = claimFirstStarts(sure, clock.instant());
                PlannedPostings batch = posting.prepareBatch(claimed);
                Map<Long, Optional<BankEntryPosting.Outcome>> outcomes = new HashMap<>();
                sure.stream().filter(claimed::contains).forEach(id -> outcomes.put(id, posting.postInBatch(batch, id)));
                return outcomes;
            });
        } catch (RuntimeException e) {
            log.warn(
                    "a batch of {} sure credits was not posted together, each is tried alone: {}",
                    sure.size(),
                    e.getMessage());
            return null;
        }
    }

    /**
     * Claims the starts of entries never claimed, in one statement: only an entry without instance and without claim
     * is taken, so of two starters at the same moment exactly one wins each. Returns the ids this starter won.
     */
    private Set<Long> claimFirstStarts(List<Long> ids, Instant now) {
        return new HashSet<>(jdbc.queryForList("""
          update bank_entry set start_claimed_at = ?, start_attempts = start_attempts + 1
          where id = any(?) and process_instance_key is null and start_claimed_at is null
          returning id""", Long.class, Timestamp.from(now), ids.toArray(Long[]::new)));
    }

    /**
     * Claims the entry (from no claim, or from the claim the sweep saw) and, having won it, posts it straight through
     * or asks the engine to start its process. A start that fails stays claimed; the sweep takes it up again once the
     * claim is older than the grace period.
     */
    private void start(long entryId, Instant seenClaim) {
        BankEntryStatus status = transactions.execute(tx -> {
            Instant now = clock.instant();
            int claimed = seenClaim == null
                    ? claimFirstStarts(List.of(entryId), now).size()
                    : entries.reclaimStart(entryId, seenClaim, now);
            if (claimed == 0) {
                return null;
            }
            return entries.findById(entryId)
                    .map(BankEntry::getStatus)
                    .filter(STARTABLE::contains)
                    .orElse(null);
        });
        if (status == null) {
            return;
        }
        if (status == BankEntryStatus.MATCHED && straightThrough && postedStraightThrough(entryId)) {
            return;
        }
        requestStart(entryId);
    }

    /** Asks the engine to start the process of an entry this starter has claimed. */
    private void requestStart(long entryId) {
        Map<String, Object> variables = transactions.execute(tx -> entries.findById(entryId)
                .filter(entry -> STARTABLE.contains(entry.getStatus()))
                .map(this::variables)
                .orElse(null));
        if (variables == null) {
            return;
        }
        beforeStart.accept(entryId);
        // not waiting for the engine's answer: a lane goes on posting while the engine starts the process; a start
        // that failed leaves the entry claimed without an instance, and the sweep tries it again after the grace period
        processes.publishWithoutWaiting(
                START_MESSAGE, "BE-" + entryId, "BE-" + entryId, variables, START_MESSAGE_TTL, failure -> {
                    if (ProcessCommands.statusOf(failure).orElse(null) == Code.ALREADY_EXISTS) {
                        log.info(
                                "payment-posting for bank entry {} was started before; the engine refused a second"
                                        + " start",
                                entryId);
                    } else {
                        log.warn(
                                "payment-posting for bank entry {} not started yet: {}", entryId, failure.getMessage());
                    }
                });
    }

    /**
     * Posts a sure credit at once. True when nothing more is to be done here: it is posted, or posting failed and the
     * entry stays claimed and matched for the sweep to try again. False when its proposal went stale: the entry now
     * waits for a clerk, through the process.
     */
    private boolean postedStraightThrough(long entryId) {
        try {
            return posting.post(entryId) instanceof BankEntryPosting.Posted;
        } catch (RuntimeException e) {
            log.warn("bank entry {} not posted yet, the sweep tries again: {}", entryId, e.getMessage());
            return true;
        }
    }

    private Map<String, Object> variables(BankEntry entry) {
        Map<String, Object> variables = clerkContext(entry);
        variables.put("bankEntryId", entry.getId());
        variables.put("statementEntryId", "BE-" + entry.getId());
        variables.put("amount", entry.getAmount());
        variables.put("currency", entry.getCurrency());
        variables.put("debtorName", entry.getDebtorName() == null ? "unknown payer" : entry.getDebtorName());
        variables.put("confidence", entry.getConfidence());
        variables.put("autoPost", entry.getStatus() == BankEntryStatus.MATCHED);
        if (entry.getCustomerId() != null) {
            variables.put("customerId", entry.getCustomerId());
        }
        return variables;
    }

    /** What the "Match payment" form shows and prefills, should the entry reach a clerk. */
    private Map<String, Object> clerkContext(BankEntry entry) {
        Proposal proposal = proposals.read(entry.getProposal());
        Map<String, Object> variables = new HashMap<>();
        variables.put("valueDate", String.valueOf(entry.getValueDate()));
        variables.put("debtorIban", entry.getDebtorIban() == null ? "not given" : entry.getDebtorIban());
        variables.put(
                "remittanceText",
                entry.getRemittanceText() == null
                        ? "none"
                        : entry.getRemittanceText()
                                + (entry.getRemittanceCutFrom() == null
                                        ? ""
                                        : " [cut: the bank sent " + entry.getRemittanceCutFrom()
                                                + " characters, the first "
                                                + entry.getRemittanceText().length() + " are kept]"));
        variables.put("matchReasons", String.join("; ", proposal.reasons()));
        variables.put(
                "candidateSummary",
                proposal.candidates().isEmpty()
                        ? "none found"
                        : proposal.candidates().stream()
                                .map(candidate ->
                                        "- " + candidate.invoiceNumber() + ": customer " + candidate.customerId()
                                                + ", open " + candidate.openAmount() + " (" + candidate.why() + ")")
                                .collect(Collectors.joining("\n")));
        variables.put(
                "invoiceNumbers",
                proposal.allocations().stream()
                        .map(Proposal.PlannedAllocation::invoiceNumber)
                        .collect(Collectors.joining(", ")));
        return variables;
    }

    /** One posting lane: its thread and the entries waiting for it, taken up to a batch at a time. */
    private final class Lane {

        private final ExecutorService thread;
        private final Queue<Long> waiting = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();

        private Lane(int number) {
            this.thread = Executors.newSingleThreadExecutor(Thread.ofPlatform()
                    .name("payment-posting-lane-" + number)
                    .daemon()
                    .factory());
        }

        void add(long entryId) {
            waiting.add(entryId);
            if (draining.compareAndSet(false, true)) {
                thread.execute(this::drain);
            }
        }

        /** Bulk work while it runs: follow-up work that can wait (re-scoring the payers) waits for its end. */
        private void drain() {
            try (BulkWork.Running running = bulkWork.begin()) {
                drainBatches();
            }
        }

        private void drainBatches() {
            while (true) {
                List<Long> batch = new ArrayList<>(batchSize);
                for (Long id = waiting.poll(); id != null; id = batch.size() < batchSize ? waiting.poll() : null) {
                    batch.add(id);
                }
                if (batch.isEmpty()) {
                    draining.set(false);
                    // an entry added after the last poll, while the flag was still up, is taken up here
                    if (waiting.isEmpty() || !draining.compareAndSet(false, true)) {
                        return;
                    }
                    continue;
                }
                try {
                    startAll(batch);
                } catch (RuntimeException e) {
                    // the entries stay as they are (unclaimed or claimed without an instance): the sweep takes them
                    log.warn("a batch of {} bank entries is left for the sweep: {}", batch.size(), e.getMessage());
                }
            }
        }
    }
}
