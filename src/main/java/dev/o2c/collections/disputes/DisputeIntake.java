package dev.o2c.collections.disputes;

import dev.o2c.customers.CustomerService;
import dev.o2c.platform.engine.ProcessCommands;
import dev.o2c.platform.engine.StartSweeps;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens a dispute and starts its dispute-resolution process, both or neither. The dispute commits first, so the
 * process's workers always find it; should the engine refuse the start, the dispute is cancelled (audited).
 *
 * <p>Should the application stop between the dispute's commit and the start (or before it recorded the instance), the
 * start sweep starts the process of every open dispute that has none recorded after {@code o2c.disputes.start-grace}.
 * A start may thus happen twice when the first did get through; the process's first task records its instance on the
 * dispute (first one wins) and ends any other before it routes the dispute, so a team never sees a dispute twice.
 */
@Service
public class DisputeIntake {

    private static final Logger log = LoggerFactory.getLogger(DisputeIntake.class);

    public static final String PROCESS_ID = "dispute-resolution";

    static final String SWEEP_ACTOR = "system:dispute-start-sweep";

    private final Disputes disputes;
    private final CustomerService customers;
    private final ProcessCommands processes;
    private final TransactionTemplate afterCommit;
    private final Clock clock;
    private final Duration startGrace;

    DisputeIntake(
            Disputes disputes,
            CustomerService customers,
            ProcessCommands processes,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${o2c.disputes.start-grace:PT5M}") Duration startGrace) {
        this.disputes = disputes;
        this.customers = customers;
        this.processes = processes;
        this.clock = clock;
        this.startGrace = startGrace;
        this.afterCommit = new TransactionTemplate(transactions);
        this.afterCommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public Dispute open(Disputes.NewDispute request, String actor) {
        Dispute dispute;
        try {
            dispute = disputes.register(request, actor);
        } catch (DataIntegrityViolationException e) {
            // another dispute on the same invoice committed a moment earlier (one unresolved per invoice)
            throw new InvalidDisputeException(
                    "invoiceId", "invoice " + request.invoiceId() + " already has an unresolved dispute");
        }
        start(dispute, actor);
        return disputes.get(dispute.getId());
    }

    /**
     * Opens the dispute inside the caller's transaction (it commits with the caller's change, or not at all) and
     * starts its process once that transaction has committed. Should the engine refuse then, the dispute is cancelled
     * (audited) like one opened through the API; the caller's change stands.
     */
    Dispute openWithin(Disputes.NewDispute request, String actor) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("openWithin needs the caller's transaction");
        }
        Dispute dispute = disputes.register(request, actor);
        long disputeId = dispute.getId();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                startCommitted(disputeId, actor);
            }
        });
        return dispute;
    }

    /** After the commit: the committed transaction's resources are still bound, so each step runs in a new one. */
    private void startCommitted(long disputeId, String actor) {
        Long processInstanceKey;
        try {
            processInstanceKey =
                    afterCommit.execute(status -> processes.start(PROCESS_ID, variables(disputes.get(disputeId))));
        } catch (RuntimeException e) {
            log.warn("dispute {}: its process could not be started, the dispute is cancelled", disputeId, e);
            afterCommit.executeWithoutResult(
                    status -> disputes.cancelUnstarted(disputeId, actor, String.valueOf(e.getMessage())));
            return;
        }
        // a new transaction: the committed one's resources are still bound here and must not be joined
        afterCommit.executeWithoutResult(status -> recordStart(disputeId, processInstanceKey));
    }

    private void start(Dispute dispute, String actor) {
        long processInstanceKey;
        try {
            processInstanceKey = processes.start(PROCESS_ID, variables(dispute));
        } catch (RuntimeException e) {
            disputes.cancelUnstarted(dispute.getId(), actor, String.valueOf(e.getMessage()));
            throw e;
        }
        recordStart(dispute.getId(), processInstanceKey);
    }

    private void recordStart(long disputeId, long processInstanceKey) {
        if (!disputes.startedAs(disputeId, processInstanceKey)) {
            log.info(
                    "dispute {}: another instance was recorded first; instance {} ends at its first task",
                    disputeId,
                    processInstanceKey);
        }
    }

    @Scheduled(fixedDelayString = "${o2c.disputes.start-sweep:PT1M}", initialDelayString = "PT1M")
    public void startMissed() {
        startMissed(startGrace);
    }

    /**
     * Starts the process of every open dispute opened more than {@code grace} ago that has no instance recorded; one
     * that fails stays as it is for the next sweep. Returns how many it started.
     */
    int startMissed(Duration grace) {
        return StartSweeps.startEach(
                "dispute", disputes.unstartedOpenedBefore(clock.instant().minus(grace)), Dispute::getId, missed -> {
                    long processInstanceKey = processes.start(PROCESS_ID, variables(missed));
                    disputes.restarting(missed.getId());
                    recordStart(missed.getId(), processInstanceKey);
                });
    }

    private Map<String, Object> variables(Dispute dispute) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("disputeId", dispute.getId());
        variables.put("invoiceId", dispute.getInvoiceId());
        variables.put("invoiceNumber", dispute.getInvoiceNumber());
        variables.put("customerId", dispute.getCustomerId());
        variables.put("customerName", customers.get(dispute.getCustomerId()).getName());
        variables.put("disputedAmount", dispute.getAmount());
        variables.put("amount", dispute.getAmount());
        variables.put("currency", dispute.getCurrency());
        variables.put("reasonCode", dispute.getReasonCode().name());
        variables.put("disputeComment", dispute.getComment() == null ? "" : dispute.getComment());
        return variables;
    }
}
