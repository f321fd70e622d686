package dev.o2c.ledger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account totals, and the two reconciliations that prove the ledger tells the truth: receivable equals what the
 * invoices say is open, unapplied cash equals what the payments say is unapplied. Read in one snapshot.
 */
@Service
public class TrialBalance {

    private final JdbcTemplate jdbc;

    TrialBalance(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record AccountBalance(
            String code,
            String name,
            String type,
            String currency,
            BigDecimal debit,
            BigDecimal credit,
            BigDecimal balance) {}

    public record Reconciliation(
            String currency,
            BigDecimal receivableBalance,
            BigDecimal openInvoicesTotal,
            BigDecimal unappliedBalance,
            BigDecimal unappliedPaymentsTotal,
            boolean reconciled) {}

    public record Report(
            List<AccountBalance> accounts,
            Map<String, BigDecimal> totalDebits,
            Map<String, BigDecimal> totalCredits,
            boolean balanced,
            List<Reconciliation> reconciliations,
            boolean reconciled) {}

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Report report() {
        List<AccountBalance> accounts = jdbc.query(
                """
        select a.code, a.name, a.type, e.currency, sum(l.debit) as debit, sum(l.credit) as credit
        from journal_line l join journal_entry e on e.id = l.entry_id join ledger_account a on a.code = l.account_code
        group by a.code, a.name, a.type, e.currency order by e.currency, a.code""",
                (row, i) -> new AccountBalance(
                        row.getString("code"),
                        row.getString("name"),
                        row.getString("type"),
                        row.getString("currency"),
                        row.getBigDecimal("debit"),
                        row.getBigDecimal("credit"),
                        row.getBigDecimal("debit").subtract(row.getBigDecimal("credit"))));
        Map<String, BigDecimal> debits = new TreeMap<>();
        Map<String, BigDecimal> credits = new TreeMap<>();
        accounts.forEach(account -> {
            debits.merge(account.currency(), account.debit(), BigDecimal::add);
            credits.merge(account.currency(), account.credit(), BigDecimal::add);
        });
        boolean balanced = debits.keySet().stream()
                .allMatch(currency -> debits.get(currency).compareTo(credits.get(currency)) == 0);
        List<Reconciliation> reconciliations = reconciliations();
        return new Report(
                accounts,
                debits,
                credits,
                balanced,
                reconciliations,
                balanced && reconciliations.stream().allMatch(Reconciliation::reconciled));
    }

    private List<Reconciliation> reconciliations() {
        return jdbc.query("""
        with ledger as (
            select e.currency,
                   sum(case when l.account_code = '1200' then l.debit - l.credit else 0 end) as receivable,
                   sum(case when l.account_code = '2100' then l.credit - l.debit else 0 end) as unapplied
            from journal_line l join journal_entry e on e.id = l.entry_id group by e.currency),
        invoices as (select currency, sum(open_amount) as open from invoice group by currency),
        payments as (select currency, sum(unapplied_amount) as unapplied from payment group by currency),
        currencies as (select currency from ledger union select currency from invoices
                       union select currency from payments)
        select c.currency, coalesce(l.receivable, 0) as receivable, coalesce(i.open, 0) as open,
               coalesce(l.unapplied, 0) as unapplied, coalesce(p.unapplied, 0) as payments_unapplied
        from currencies c left join ledger l on l.currency = c.currency
        left join invoices i on i.currency = c.currency left join payments p on p.currency = c.currency
        order by c.currency""", (row, i) -> {
            BigDecimal receivable = row.getBigDecimal("receivable");
            BigDecimal open = row.getBigDecimal("open");
            BigDecimal unapplied = row.getBigDecimal("unapplied");
            BigDecimal paymentsUnapplied = row.getBigDecimal("payments_unapplied");
            return new Reconciliation(
                    row.getString("currency"),
                    receivable,
                    open,
                    unapplied,
                    paymentsUnapplied,
                    receivable.compareTo(open) == 0 && unapplied.compareTo(paymentsUnapplied) == 0);
        });
    }
}
