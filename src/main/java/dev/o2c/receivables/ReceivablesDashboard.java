package dev.o2c.receivables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The receivables position as of "today" on the application clock: aging, DSO, credit use, orders waiting for a
 * credit decision and the dunning pipeline. Plain SQL over the operational tables, read in one snapshot.
 */
@Service
public class ReceivablesDashboard {

    /** Days sales outstanding looks at the credit sales of this many days. */
    static final int DSO_DAYS = 90;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReceivablesDashboard(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record AgingBucket(String currency, String bucket, int invoices, BigDecimal amount) {}

    public record Dso(String currency, BigDecimal receivables, BigDecimal creditSales, int days, BigDecimal dso) {}

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

    public record DunningStage(String currency, int level, int invoices, BigDecimal amount) {}

    public record Snapshot(
            LocalDate today,
            List<AgingBucket> aging,
            List<Dso> dso,
            List<CreditUse> creditUse,
            List<HeldOrder> ordersInReview,
            List<DunningStage> dunning,
            int collectionsFollowUps) {}

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Snapshot snapshot() {
        LocalDate today = LocalDate.now(clock);
        return new Snapshot(
                today,
                aging(today),
                dso(today),
                creditUse(),
                ordersInReview(),
                dunning(),
                jdbc.queryForObject(
                        "select count(*) from human_task where status = 'OPEN' and form_id = 'collections-follow-up'",
                        Integer.class));
    }

    private List<AgingBucket> aging(LocalDate today) {
        return jdbc.query(
                """
        with open_items as (
          select currency, open_amount, ? - due_date as days_past_due from invoice where status <> 'PAID')
        select currency, bucket, count(*) as invoices, sum(open_amount) as amount from (
          select currency, open_amount, case
            when days_past_due <= 0 then '1 current'
            when days_past_due <= 30 then '2 1-30'
            when days_past_due <= 60 then '3 31-60'
            when days_past_due <= 90 then '4 61-90'
            else '5 90+' end as bucket from open_items) aged
        group by currency, bucket order by currency, bucket""",
                (row, i) -> new AgingBucket(
                        row.getString("currency"),
                        row.getString("bucket").substring(2),
                        row.getInt("invoices"),
                        row.getBigDecimal("amount")),
                Date.valueOf(today));
    }

    private List<Dso> dso(LocalDate today) {
        return jdbc.query(
                """
        select currency, sum(case when status <> 'PAID' then open_amount else 0 end) as receivables,
               sum(case when issue_date > ? then total_amount else 0 end) as sales
        from invoice group by currency order by currency""",
                (row, i) -> {
                    BigDecimal receivables = row.getBigDecimal("receivables");
                    BigDecimal sales = row.getBigDecimal("sales");
                    BigDecimal dso = sales.signum() == 0
                            ? null
                            : receivables.multiply(BigDecimal.valueOf(DSO_DAYS)).divide(sales, 1, RoundingMode.HALF_UP);
                    return new Dso(row.getString("currency"), receivables, sales, DSO_DAYS, dso);
                },
                Date.valueOf(today.minusDays(DSO_DAYS)));
    }

    /** Customers using credit (or on hold), the most stretched first, up to 200; the page charts the top. */
    private List<CreditUse> creditUse() {
        return jdbc.query("""
        with exposures as (select c.id, c.name, c.currency, c.credit_limit, c.on_credit_hold,
               coalesce((select sum(reserved_amount) from sales_order o
                         where o.customer_id = c.id and o.status in ('APPROVED', 'SHIPPED')), 0)
             + coalesce((select sum(open_amount) from invoice i where i.customer_id = c.id), 0) as exposure
        from customer c)
        select * from exposures where exposure > 0 or on_credit_hold
        order by case when credit_limit > 0 then exposure / credit_limit else 999 end desc, id limit 200""", (row, i) -> {
            BigDecimal limit = row.getBigDecimal("credit_limit");
            BigDecimal exposure = row.getBigDecimal("exposure");
            BigDecimal percent = limit.signum() == 0
                    ? null
                    : exposure.multiply(BigDecimal.valueOf(100)).divide(limit, 1, RoundingMode.HALF_UP);
            return new CreditUse(
                    row.getLong("id"),
                    row.getString("name"),
                    row.getString("currency"),
                    limit,
                    exposure,
                    percent,
                    row.getBoolean("on_credit_hold"));
        });
    }

    private List<HeldOrder> ordersInReview() {
        var now = clock.instant();
        return jdbc.query("""
        select o.id, o.customer_id, c.name, o.total_amount, o.currency, o.placed_by, o.placed_at
        from sales_order o join customer c on c.id = o.customer_id
        where o.status = 'CREDIT_REVIEW' order by o.placed_at""", (row, i) -> {
            var placedAt = row.getTimestamp("placed_at").toInstant();
            return new HeldOrder(
                    row.getLong("id"),
                    row.getLong("customer_id"),
                    row.getString("name"),
                    row.getBigDecimal("total_amount"),
                    row.getString("currency"),
                    row.getString("placed_by"),
                    placedAt.toString(),
                    Math.max(0, Duration.between(placedAt, now).toHours()));
        });
    }

    private List<DunningStage> dunning() {
        return jdbc.query(
                """
        select currency, least(dunning_level, 3) as level, count(*) as invoices, sum(open_amount) as amount
        from invoice where status <> 'PAID' group by currency, least(dunning_level, 3) order by currency, level""",
                (row, i) -> new DunningStage(
                        row.getString("currency"),
                        row.getInt("level"),
                        row.getInt("invoices"),
                        row.getBigDecimal("amount")));
    }
}
