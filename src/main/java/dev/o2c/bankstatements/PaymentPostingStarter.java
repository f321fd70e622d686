package dev.o2c.bankstatements;

import dev.o2c.cashapplication.Proposal;
import jakarta.annotation.PreDestroy;
import dev.o2c.platform.engine.ProcessCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts one payment-posting process per imported credit, after the import committed, on a thread of its own so a
 * clerk's upload of a long statement answers at once. If the engine was unreachable at that moment the entry has no
 * process yet, and the sweep starts it later: an import never waits for the engine and never loses an entry.
 */
@Component
class PaymentPostingStarter {

  static final String PROCESS_ID = "payment-posting";
  private static final Logger log = LoggerFactory.getLogger(PaymentPostingStarter.class);
  private static final Duration SWEEP_GRACE = Duration.ofMinutes(1);

  private final BankEntryRepository entries;
  private final ProcessCommands processes;
  private final ProposalCodec proposals;
  private final Clock clock;
  private final TransactionTemplate transactions;
  /** One thread: starts keep the statement's order and never crowd out the request threads. */
  private final ExecutorService starts = Executors.newSingleThreadExecutor(
      Thread.ofPlatform().name("payment-posting-starts").daemon().factory());

  PaymentPostingStarter(BankEntryRepository entries, ProcessCommands processes, ProposalCodec proposals,
      Clock clock, PlatformTransactionManager transactionManager) {
    this.entries = entries;
    this.processes = processes;
    this.proposals = proposals;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @PreDestroy
  void stop() throws InterruptedException {
    starts.shutdown();
    starts.awaitTermination(10, TimeUnit.SECONDS);
  }

  @TransactionalEventListener
  public void onReceived(BankEntryReceived received) {
    starts.execute(() -> transactions.executeWithoutResult(status ->
        entries.lockById(received.bankEntryId()).ifPresent(this::start)));
  }

  @Scheduled(fixedDelayString = "${o2c.cash-application.start-sweep:PT1M}", initialDelayString = "PT1M")
  @Transactional
  public void startMissed() {
    entries.findWithoutProcess(EnumSet.of(BankEntryStatus.MATCHED, BankEntryStatus.NEEDS_CLERK),
        clock.instant().minus(SWEEP_GRACE)).forEach(this::start);
  }

  /** What the "Match payment" form shows and prefills, should the entry reach a clerk. */
  private Map<String, Object> clerkContext(BankEntry entry) {
    Proposal proposal = proposals.read(entry.getProposal());
    Map<String, Object> variables = new HashMap<>();
    variables.put("valueDate", String.valueOf(entry.getValueDate()));
    variables.put("debtorIban", entry.getDebtorIban() == null ? "not given" : entry.getDebtorIban());
    variables.put("remittanceText", entry.getRemittanceText() == null ? "none" : entry.getRemittanceText());
    variables.put("matchReasons", String.join("; ", proposal.reasons()));
    variables.put("candidateSummary", proposal.candidates().isEmpty() ? "none found"
        : proposal.candidates().stream().map(candidate -> "- " + candidate.invoiceNumber() + ": customer "
            + candidate.customerId() + ", open " + candidate.openAmount() + " (" + candidate.why() + ")")
            .collect(Collectors.joining("\n")));
    variables.put("invoiceNumbers", proposal.allocations().stream().map(Proposal.PlannedAllocation::invoiceNumber)
        .collect(Collectors.joining(", ")));
    return variables;
  }

  private void start(BankEntry entry) {
    if (entry.getProcessInstanceKey() != null) {
      return;
    }
    try {
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
      entry.startedAs(processes.start(PROCESS_ID, variables));
    } catch (RuntimeException e) {
      log.warn("payment-posting for bank entry {} not started yet: {}", entry.getId(), e.getMessage());
    }
  }
}
