package dev.o2c.cashapplication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.bankstatements.BankTransaction;
import dev.o2c.bankstatements.CamtReader;
import dev.o2c.bankstatements.ParsedStatement;
import dev.o2c.cashapplication.StatementGenerator.Kind;
import dev.o2c.cashapplication.StatementGenerator.Truth;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Cash application at scale: generates a statement with known truth, reads it with the camt reader, matches every
 * line against as many open invoices, and prints auto-match rate, false postings, entries per second and memory.
 * Run with {@code ./mvnw -Pbenchmark test}; sizes with {@code -Dbenchmark.sizes=10000,100000}.
 */
@Tag("benchmark")
class CashApplicationBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @Test
    void matchesGeneratedStatements() {
        String sizes = System.getProperty("benchmark.sizes", "10000,100000");
        MatchingPolicy policy = MatchingPolicy.defaults();
        System.out.printf(
                "%nCash application benchmark (auto-post at confidence >= %s, JVM %s, %d cores, max heap %d MB)%n",
                policy.autoPostConfidence(),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        // A small warm-up run so the JIT has seen the code before anything is timed.
        run(2_000, policy, false);
        for (String size : sizes.split(",")) {
            run(Integer.parseInt(size.trim()), policy, true);
        }
    }

    private void run(int size, MatchingPolicy policy, boolean print) {
        StatementGenerator.Generated generated = new StatementGenerator(42, TODAY).generate(size);
        long baseline = usedHeapAfterGc();
        resetPeaks();

        long parseStart = System.nanoTime();
        List<ParsedStatement> statements = new CamtReader().read(generated.statement());
        long parseNanos = System.nanoTime() - parseStart;
        List<BankTransaction> lines = statements.get(0).transactions();

        long bookStart = System.nanoTime();
        OpenItemBook book = new OpenItemBook(generated.invoices(), generated.payers(), Map.of(), Map.of());
        long bookNanos = System.nanoTime() - bookStart;

        CashMatcher matcher = new CashMatcher(policy);
        Proposal[] proposals = new Proposal[lines.size()];
        long matchStart = System.nanoTime();
        for (int i = 0; i < lines.size(); i++) {
            BankTransaction line = lines.get(i);
            proposals[i] = matcher.match(
                    new IncomingPayment(
                            line.amount(),
                            line.currency(),
                            line.valueDate(),
                            line.debtorName(),
                            line.debtorIban(),
                            line.creditorReference(),
                            line.remittanceText()),
                    book);
        }
        long matchNanos = System.nanoTime() - matchStart;
        long retained = usedHeapAfterGc() - baseline;
        long peak = peakHeap();

        Score score = score(generated.truths(), proposals, policy);
        assertThat(lines).hasSize(generated.truths().size());
        if (!print) {
            return;
        }
        System.out.printf(
                "%n%,d entries against %,d open invoices of %,d customers (statement %,d KB)%n",
                lines.size(),
                generated.invoices().size(),
                generated.payers().size(),
                generated.statement().length >> 10);
        System.out.printf(
                "  auto-matched: %,d (%.1f %%), to a clerk: %,d, false postings: %d%n",
                score.automatic,
                100.0 * score.automatic / lines.size(),
                lines.size() - score.automatic,
                score.falsePostings);
        System.out.printf(
                "  read camt: %,.0f entries/s (%.2f s); index invoices: %.2f s; match: %,.0f entries/s (%.2f s)%n",
                lines.size() / seconds(parseNanos),
                seconds(parseNanos),
                seconds(bookNanos),
                lines.size() / seconds(matchNanos),
                seconds(matchNanos));
        System.out.printf(
                "  memory: %,d MB retained by parsed statement, index and proposals; heap peak %,d MB%n",
                retained >> 20, peak >> 20);
        System.out.println("  per kind: auto-matched / entries (false postings)");
        score.byKind.forEach((kind, counts) ->
                System.out.printf("    %-13s %,7d / %,7d  (%d)%n", kind, counts[1], counts[0], counts[2]));
        assertThat(score.falsePostings).as("false postings").isZero();
    }

    private record Score(int automatic, int falsePostings, Map<Kind, int[]> byKind) {}

    /** A posting is false when it was made without a clerk and the customer or the invoices are not the truth. */
    private static Score score(List<Truth> truths, Proposal[] proposals, MatchingPolicy policy) {
        int automatic = 0;
        int falsePostings = 0;
        Map<Kind, int[]> byKind = new EnumMap<>(Kind.class);
        for (int i = 0; i < proposals.length; i++) {
            Truth truth = truths.get(i);
            Proposal proposal = proposals[i];
            int[] counts = byKind.computeIfAbsent(truth.kind(), kind -> new int[3]);
            counts[0]++;
            if (proposal.postable() && policy.autoPosts(proposal.confidence())) {
                automatic++;
                counts[1]++;
                Set<Long> invoices = new HashSet<>(proposal.allocations().stream()
                        .map(Proposal.PlannedAllocation::invoiceId)
                        .toList());
                if (!proposal.customerId().equals(truth.customerId()) || !invoices.equals(truth.invoiceIds())) {
                    falsePostings++;
                    counts[2]++;
                    if (falsePostings <= 5) {
                        System.out.printf("  FALSE POSTING %s: truth %s, proposal %s%n", truth.kind(), truth, proposal);
                    }
                }
            }
        }
        return new Score(automatic, falsePostings, byKind);
    }

    private static double seconds(long nanos) {
        return Math.max(nanos, 1) / 1e9;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return heapPools().stream()
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
    }
}
