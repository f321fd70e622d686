package dev.o2c.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures over all invoices, computed where the invoices are: aging, days sales outstanding, the dunning pipeline and
 * what is open per currency and per customer. Dashboards and reconciliations downstream read these instead of the
 * invoice table. Each runs in the caller's transaction, so a caller that needs one snapshot opens it.
 */
@Service
public class ReceivableFigures {

    private final JdbcTemplate jdbc;

    ReceivableFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record AgingBucket(String currency, String bucket, int invoices, BigDecimal amount) {}

    public record Dso(String currency, BigDecimal receivables, BigDecimal creditSales, int days, BigDecimal dso) {}

    public record DunningStage(String currency, int level, int invoices, BigDecimal amount) {}

    /**
     * A customer's overdue open invoices in one currency, taken together: how much, how long the oldest is overdue (in
     * whole days on the given day), how many and the highest reminder level reached among them.
     */
    public record OverdueGroup(
            long customerId,
            String currency,
            BigDecimal amount,
            int maxDaysOverdue,
            int invoices,
            int highestDunningLevel) {}

    /**
     * Every customer's overdue open invoices grouped per customer and currency (the collectors' worklist): one
     * aggregate query over the open invoices (partial index invoice_open_due), never one per customer.
     */
    @Transactional(readOnly = true)
    public List<OverdueGroup> overdueByCustomer(LocalDate today) {
        return jdbc.query(
                """
        select customer_id, currency, sum(open_amount) as amount, max(? - due_date) as max_days, count(*) as invoices,
               max(dunning_level) as highest_level
        from invoice where status in ('OPEN', 'PARTIALLY_PAID') and open_amount > 0 and due_date < ?
        group by customer_id, currency order by customer_id, currency""",
                (row, i) -> new OverdueGroup(
                        row.getLong("customer_id"),
                        row.getString("currency"),
                        row.getBigDecimal("amount"),
                        row.getInt("max_days"),
                        row.getInt("invoices"),
                        row.getInt("highest_level")),
                Date.valueOf(today),
                Date.valueOf(today));
    }

    /** Open invoices by days past due (on the given day), per currency. */
    @Transactional(readOnly = true)
    public List<AgingBucket> aging(LocalDate today) {
        return jdbc.query(
                """
        with open_items as (
          select currency, open_amount, ? - due_date as days_past_due from invoice where status in ('OPEN', 'PARTIALLY_PAID'))
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

    /** Days sales outstanding: what is open against the credit sales of the last {@code days} days. */
    @Transactional(readOnly = true)
    public List<Dso> dso(LocalDate today, int days) {
        return jdbc.query(
                """
        select currency, sum(case when status in ('OPEN', 'PARTIALLY_PAID') then open_amount else 0 end) as receivables,
               sum(case when issue_date > ? then total_amount else 0 end) as sales
        from invoice group by currency order by currency""",
                (row, i) -> {
                    BigDecimal receivables = row.getBigDecimal("receivables");
                    BigDecimal sales = row.getBigDecimal("sales");
                    BigDecimal dso = sales.signum() == 0
                            ? null
                            : receivables.multiply(BigDecimal.valueOf(days)).divide(sales, 1, RoundingMode.HALF_UP);
                    return new Dso(row.getString("currency"), receivables, sales, days, dso);
                },
                Date.valueOf(today.minusDays(days)));
    }

    /** Open invoices by the reminder level reached (3 and beyond together), per currency. */
    @Transactional(readOnly = true)
    public List<DunningStage> dunningStages() {
        return jdbc.query(
                """
        select currency, least(dunning_level, 3) as level, count(*) as invoices, sum(open_amount) as amount
        from invoice where status in ('OPEN', 'PARTIALLY_PAID') group by currency, least(dunning_level, 3) order by currency, level""",
                (row, i) -> new DunningStage(
                        row.getString("currency"),
                        row.getInt("level"),
                        row.getInt("invoices"),
                        row.getBigDecimal("amount")));
    }

    /** What customers still owe on invoices, per currency (the sub-ledger side of the receivables reconciliation). */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> openByCurrency() {
        return perCurrency("select currency, sum(open_amount) as amount from invoice group by currency");
    }

    /** What each customer still owes on invoices, for customers that owe anything. */
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> openByCustomer() {
        Map<Long, BigDecimal> open = new TreeMap<>();
        jdbc.query(
                "select customer_id, sum(open_amount) as open from invoice where open_amount <> 0 group by customer_id",
                row -> {
                    open.put(row.getLong("customer_id"), row.getBigDecimal("open"));
                });
        return open;
    }

    /**
     * What credit notes left owed back to customers beyond their invoices' open amounts, less what was applied to
     * invoices or refunded since, per currency: the sub-ledger side of account 2150.
     */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> customerCreditByCurrency() {
        return perCurrency("""
        select currency, sum(amount) as amount from (
          select currency, customer_credit_amount as amount from credit_note
          union all select currency, -amount from customer_credit_use) movements
        group by currency""");
    }

    /**
     * What write-offs took off invoices as bad debt less what credit notes reversed of it, per currency: the
     * sub-ledger side of account 6800 bad debt expense.
     */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> writtenOffNotReversedByCurrency() {
        return onInvoicesLessReversed("written_off_amount", "bad_debt_reversal_amount");
    }

    /**
     * What early-payment discounts settled on invoices less what credit notes reversed of it, per currency: the
     * sub-ledger side of account 4900 discounts allowed.
     */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> discountedNotReversedByCurrency() {
        return onInvoicesLessReversed("discounted_amount", "discount_reversal_amount");
    }

    /**
     * What accepted short-payment deductions settled on invoices less what credit notes reversed of it, per currency:
     * the sub-ledger side of account 6900 short-payment deductions.
     */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> deductedNotReversedByCurrency() {
        return onInvoicesLessReversed("deducted_amount", "deduction_reversal_amount");
    }

    /** The customers' available credit balances (the rows applications and refunds lock), added up per currency. */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> availableCustomerCreditByCurrency() {
        return perCurrency("select currency, sum(available) as amount from customer_credit_balance group by currency");
    }

    /**
     * Customers whose available credit balance differs from what their credit notes left less what was applied or
     * refunded ("customer 7 EUR: balance 10.00, documents 12.00"); empty when every balance is in step.
     */
    @Transactional(readOnly = true)
    public List<String> customerCreditBalancesOutOfStep() {
        return jdbc.query(
                """
        with documents as (
          select customer_id, currency, sum(amount) as amount from (
            select customer_id, currency, customer_credit_amount as amount from credit_note
            union all select customer_id, currency, -amount from customer_credit_use) movements
          group by customer_id, currency)
        select coalesce(b.customer_id, d.customer_id) as customer_id, coalesce(b.currency, d.currency) as currency,
               coalesce(b.available, 0) as available, coalesce(d.amount, 0) as documents
        from customer_credit_balance b full join documents d on d.customer_id = b.customer_id and d.currency = b.currency
        where coalesce(b.available, 0) <> coalesce(d.amount, 0) order by 1, 2""",
                (row, i) -> "customer " + row.getLong("customer_id") + " " + row.getString("currency") + ": balance "
                        + row.getBigDecimal("available") + ", documents " + row.getBigDecimal("documents"));
    }

    /**
     * What invoices were settled by one kind of adjustment (an invoice column) less what credit notes reversed of it (a
     * credit-note column), per currency. The column names are this class's constants, never input.
     */
    private Map<String, BigDecimal> onInvoicesLessReversed(String invoiceColumn, String creditNoteColumn) {
        return perCurrency("select currency, sum(amount) as amount from (select currency, " + invoiceColumn
                + " as amount from invoice union all select currency, -" + creditNoteColumn
                + " from credit_note) movements group by currency");
    }

    /** A query's rows of {@code currency} and {@code amount}, by currency in alphabetical order. */
    private Map<String, BigDecimal> perCurrency(String sql) {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        jdbc.query(sql, row -> {
            amounts.put(row.getString("currency"), row.getBigDecimal("amount"));
        });
        return amounts;
    }
}
