package dev.o2c.collections;

import dev.o2c.billing.ReceivableFigures;
import dev.o2c.billing.ReceivableFigures.OverdueGroup;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The collectors' worklist: every customer with overdue open invoices, their overdue items taken together, ranked by
 * processes/collector-priority.dmn. Per page: one aggregate query over the open invoices (billing), one for the
 * assignments, one for the promises, one for the customers and one for the open disputes, never a query per row.
 */
@Service
public class CollectorWorklist {

    public enum Filter {
        /** Assigned to the caller (or to {@code assignee} when given). */
        MINE,
        UNASSIGNED,
        ALL
    }

    static final int MAX_PAGE_SIZE = 200;

    /** Highest score first; among equal scores the larger amount, then the older item, then the older customer. */
    static final Comparator<WorklistRow> RANKING = Comparator.comparingInt(WorklistRow::priorityScore)
            .reversed()
            .thenComparing(WorklistRow::overdueAmount, Comparator.reverseOrder())
            .thenComparing(WorklistRow::maxDaysOverdue, Comparator.reverseOrder())
            .thenComparingLong(WorklistRow::customerId);

    private final ReceivableFigures figures;
    private final CollectionCases cases;
    private final PromisesToPay promises;
    private final OpenDisputes disputes;
    private final CustomerService customers;
    private final CollectorPriority priority;
    private final Clock clock;

    CollectorWorklist(
            ReceivableFigures figures,
            CollectionCases cases,
            PromisesToPay promises,
            OpenDisputes disputes,
            CustomerService customers,
            CollectorPriority priority,
            Clock clock) {
        this.figures = figures;
        this.cases = cases;
        this.promises = promises;
        this.disputes = disputes;
        this.customers = customers;
        this.priority = priority;
        this.clock = clock;
    }

    /**
     * One page of the ranked worklist. {@code assignee}: whose list {@link Filter#MINE} and {@link Filter#ALL} show
     * (null: MINE is the caller's, ALL is everyone's).
     */
    @Transactional(readOnly = true)
    public Page rank(Filter filter, String assignee, String caller, int page, int size) {
        if (page < 0) {
            throw new InvalidCollectionException("page", "the first page is 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidCollectionException("size", "a page has 1 to " + MAX_PAGE_SIZE + " rows");
        }
        LocalDate today = LocalDate.now(clock);
        Map<Long, List<OverdueGroup>> overdue = figures.overdueByCustomer(today).stream()
                .collect(Collectors.groupingBy(OverdueGroup::customerId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, String> collectors = cases.collectorsOf(overdue.keySet());
        String owner = filter == Filter.MINE && assignee == null ? caller : assignee;
        List<Long> chosen = overdue.keySet().stream()
                .filter(id -> switch (filter) {
                    case UNASSIGNED -> !collectors.containsKey(id);
                    case MINE, ALL -> owner == null || owner.equals(collectors.get(id));
                })
                .toList();
        Map<Long, PromisesToPay.Standing> standing = promises.standingOf(chosen, today);
        Map<Long, Integer> open = disputes.countsFor(chosen);
        Map<Long, Customer> byId = customers.byIds(chosen);
        List<WorklistRow> rows = new ArrayList<>(chosen.size());
        for (long customerId : chosen) {
            rows.add(row(
                    byId.get(customerId),
                    overdue.get(customerId),
                    standing.getOrDefault(customerId, PromisesToPay.Standing.NONE),
                    open.getOrDefault(customerId, 0),
                    collectors.get(customerId)));
        }
        rows.sort(RANKING);
        int from = (int) Math.min((long) page * size, rows.size());
        int to = Math.min(from + size, rows.size());
        List<WorklistRow> ranked = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            ranked.add(rows.get(i).ranked(i + 1));
        }
        return new Page(filter, owner, page, size, rows.size(), ranked);
    }

    private WorklistRow row(
            Customer customer,
            List<OverdueGroup> groups,
            PromisesToPay.Standing standing,
            int openDisputes,
            String collector) {
        // the table takes one number: the items' amounts added up, not converted between currencies
        BigDecimal amount = groups.stream().map(OverdueGroup::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        int maxDays =
                groups.stream().mapToInt(OverdueGroup::maxDaysOverdue).max().orElse(0);
        int level = groups.stream()
                .mapToInt(OverdueGroup::highestDunningLevel)
                .max()
                .orElse(0);
        int items = groups.stream().mapToInt(OverdueGroup::invoices).sum();
        String riskClass = customer.riskClass().name();
        CollectorPriority.Ranking ranking = priority.rank(new CollectorPriority.Facts(
                amount, maxDays, riskClass, standing.brokenPromises(), openDisputes, standing.promiseOpen(), level));
        return new WorklistRow(
                0,
                customer.getId(),
                customer.getName(),
                riskClass,
                customer.isOnCreditHold(),
                amount,
                groups.stream().map(g -> new Amount(g.currency(), g.amount())).toList(),
                maxDays,
                items,
                level,
                standing.brokenPromises(),
                openDisputes,
                standing.nextPromiseDate(),
                collector,
                ranking.priorityScore(),
                ranking.nextBestAction());
    }

    public record Amount(String currency, BigDecimal amount) {}

    /** One customer on the worklist; {@code rank} counts from 1 over the whole filtered list, not the page. */
    public record WorklistRow(
            int rank,
            long customerId,
            String customerName,
            String riskClass,
            boolean creditHold,
            BigDecimal overdueAmount,
            List<Amount> overdue,
            int maxDaysOverdue,
            int overdueInvoices,
            int highestDunningLevel,
            long brokenPromises,
            int openDisputes,
            LocalDate nextPromiseDate,
            String assignedTo,
            int priorityScore,
            String nextBestAction) {

        WorklistRow ranked(int position) {
            return new WorklistRow(
                    position,
                    customerId,
                    customerName,
                    riskClass,
                    creditHold,
                    overdueAmount,
                    overdue,
                    maxDaysOverdue,
                    overdueInvoices,
                    highestDunningLevel,
                    brokenPromises,
                    openDisputes,
                    nextPromiseDate,
                    assignedTo,
                    priorityScore,
                    nextBestAction);
        }
    }

    public record Page(Filter filter, String assignee, int page, int size, int total, List<WorklistRow> rows) {}
}
