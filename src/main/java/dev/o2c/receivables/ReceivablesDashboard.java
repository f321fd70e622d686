package dev.o2c.receivables;

import dev.o2c.billing.ReceivableFigures;
import dev.o2c.billing.ReceivableFigures.AgingBucket;
import dev.o2c.billing.ReceivableFigures.Dso;
import dev.o2c.billing.ReceivableFigures.DunningStage;
import dev.o2c.collections.disputes.Disputes;
import dev.o2c.collections.disputes.UnresolvedDisputeFigure;
import dev.o2c.credit.CreditExposure;
import dev.o2c.customers.CustomerService;
import dev.o2c.orders.OrderService;
import dev.o2c.orders.SalesOrder;
import dev.o2c.tasks.TaskInbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The receivables position as of "today" on the application clock: aging, DSO, credit use, orders waiting for a
 * credit decision, the dunning pipeline and the unresolved disputes by status and age. Each figure comes from the module
 * that owns it (billing, credit, orders, tasks, collections), read in one repeatable-read transaction so the panels agree with each other.
 */
@Service
public class ReceivablesDashboard {

    /** Days sales outstanding looks at the credit sales of this many days. */
    static final int DSO_DAYS = 90;

    /** The workspace charts the top of this list. */
    static final int CREDIT_USE_ROWS = 200;

    static final String COLLECTIONS_FOLLOW_UP_FORM = "collections-follow-up";

    private final ReceivableFigures receivables;
    private final CreditExposure exposure;
    private final OrderService orders;
    private final CustomerService customers;
    private final TaskInbox tasks;
    private final Disputes disputes;
    private final Clock clock;

    ReceivablesDashboard(
            ReceivableFigures receivables,
            CreditExposure exposure,
            OrderService orders,
            CustomerService customers,
            TaskInbox tasks,
            Disputes disputes,
            Clock clock) {
        this.disputes = disputes;
        this.receivables = receivables;
        this.exposure = exposure;
        this.orders = orders;
        this.customers = customers;
        this.tasks = tasks;
        this.clock = clock;
    }

    public record CreditUse(
            long customerId,
            String name,
            String currency,
            BigDecimal creditLimit,
            BigDecimal exposure,
            BigDecimal utilisationPercent,
            boolean onCreditHold) {}

    public record HeldOrder(
            long orderId,
            long customerId,
            String customerName,
            BigDecimal amount,
            String currency,
            String placedBy,
            String placedAt,
            long ageHours) {}

    public record Snapshot(
            LocalDate today,
            List<AgingBucket> aging,
            List<Dso> dso,
            List<CreditUse> creditUse,
            List<HeldOrder> ordersInReview,
            List<DunningStage> dunning,
            int collectionsFollowUps,
            List<UnresolvedDisputeFigure> disputes) {}

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Snapshot snapshot() {
        LocalDate today = LocalDate.now(clock);
        return new Snapshot(
                today,
                receivables.aging(today),
                receivables.dso(today, DSO_DAYS),
                creditUse(),
                ordersInReview(),
                receivables.dunningStages(),
                (int) tasks.countOpen(COLLECTIONS_FOLLOW_UP_FORM),
                disputes.unresolvedFigures());
    }

    private List<CreditUse> creditUse() {
        return exposure.mostStretched(CREDIT_USE_ROWS).stream()
                .map(use -> new CreditUse(
                        use.customer().getId(),
                        use.customer().getName(),
                        use.customer().getCurrency(),
                        use.customer().getCreditLimit(),
                        use.exposure(),
                        use.utilisationPercent(),
                        use.customer().isOnCreditHold()))
                .toList();
    }

    private List<HeldOrder> ordersInReview() {
        var now = clock.instant();
        List<SalesOrder> held = orders.inCreditReview();
        Map<Long, String> names =
                customers.namesOf(held.stream().map(SalesOrder::getCustomerId).collect(Collectors.toSet()));
        return held.stream()
                .map(order -> new HeldOrder(
                        order.getId(),
                        order.getCustomerId(),
                        names.get(order.getCustomerId()),
                        order.getTotalAmount(),
                        order.getCurrency(),
                        order.getPlacedBy(),
                        order.getPlacedAt().toString(),
                        Math.max(0, Duration.between(order.getPlacedAt(), now).toHours())))
                .toList();
    }
}
