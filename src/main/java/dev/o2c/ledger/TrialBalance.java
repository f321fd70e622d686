package dev.o2c.ledger;

import dev.o2c.billing.ReceivableFigures;
import dev.o2c.payments.PaymentService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account totals, and the reconciliations that prove the ledger tells the truth: receivable equals what the
 * invoices say is open, unapplied cash equals what the payments say is unapplied, customer credit equals what credit
 * notes left owed back beyond the open amounts less what was applied to invoices or refunded, and equals the customers'
 * available credit balances; bad debt expense equals what write-offs took off invoices less what credit notes reversed
 * of it, and likewise discounts allowed (4900) with discounts, short-payment deductions (6900) with deductions (no
 * other posting touches these accounts). Read in one snapshot.
 */
@Service
public class TrialBalance {

    private final JdbcTemplate jdbc;
    private final ReceivableFigures receivables;
    private final PaymentService payments;

    TrialBalance(JdbcTemplate jdbc, ReceivableFigures receivables, PaymentService payments) {
        this.jdbc = jdbc;
        this.receivables = receivables;
        this.payments = payments;
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
            BigDecimal customerCreditBalance,
            /** Credit notes' customer credit less applications and refunds. */
            BigDecimal customerCreditOwedTotal,
            /** The customers' available credit balances added up. */
            BigDecimal availableCustomerCreditTotal,
            /** Account 6800, debit less credit. */
            BigDecimal badDebtBalance,
            /** What write-offs took off invoices less what credit notes reversed of it. */
            BigDecimal writtenOffNotReversedTotal,
            /** Account 4900, debit less credit. */
            BigDecimal discountsBalance,
            /** What early-payment discounts settled on invoices less what credit notes reversed of it. */
            BigDecimal discountedNotReversedTotal,
            /** Account 6900, debit less credit. */
            BigDecimal deductionsBalance,
            /** What accepted short-payment deductions settled on invoices less what credit notes reversed of it. */
            BigDecimal deductedNotReversedTotal,
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
        record Books(
                BigDecimal receivable,
                BigDecimal unapplied,
                BigDecimal customerCredit,
                BigDecimal badDebt,
                BigDecimal discounts,
                BigDecimal deductions) {
            static final Books NONE = new Books(
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO);
        }
        Map<String, Books> ledger = new TreeMap<>();
        jdbc.query("""
        select e.currency,
               sum(case when l.account_code = '1200' then l.debit - l.credit else 0 end) as receivable,
               sum(case when l.account_code = '2100' then l.credit - l.debit else 0 end) as unapplied,
               sum(case when l.account_code = '2150' then l.credit - l.debit else 0 end) as customer_credit,
               sum(case when l.account_code = '6800' then l.debit - l.credit else 0 end) as bad_debt,
               sum(case when l.account_code = '4900' then l.debit - l.credit else 0 end) as discounts,
               sum(case when l.account_code = '6900' then l.debit - l.credit else 0 end) as deductions
        from journal_line l join journal_entry e on e.id = l.entry_id group by e.currency""", row -> {
            ledger.put(
                    row.getString("currency"),
                    new Books(
                            row.getBigDecimal("receivable"),
                            row.getBigDecimal("unapplied"),
                            row.getBigDecimal("customer_credit"),
                            row.getBigDecimal("bad_debt"),
                            row.getBigDecimal("discounts"),
                            row.getBigDecimal("deductions")));
        });
        // the sub-ledgers' side comes from their owners, inside this transaction's snapshot
        Map<String, BigDecimal> open = receivables.openByCurrency();
        Map<String, BigDecimal> unappliedPayments = payments.unappliedByCurrency();
        Map<String, BigDecimal> customerCredit = receivables.customerCreditByCurrency();
        Map<String, BigDecimal> availableCredit = receivables.availableCustomerCreditByCurrency();
        Map<String, BigDecimal> writtenOff = receivables.writtenOffNotReversedByCurrency();
        Map<String, BigDecimal> discounted = receivables.discountedNotReversedByCurrency();
        Map<String, BigDecimal> deducted = receivables.deductedNotReversedByCurrency();
        Set<String> currencies = new TreeSet<>(ledger.keySet());
        currencies.addAll(open.keySet());
        currencies.addAll(unappliedPayments.keySet());
        currencies.addAll(customerCredit.keySet());
        currencies.addAll(availableCredit.keySet());
        currencies.addAll(writtenOff.keySet());
        currencies.addAll(discounted.keySet());
        currencies.addAll(deducted.keySet());
        return currencies.stream()
                .map(currency -> {
                    Books books = ledger.getOrDefault(currency, Books.NONE);
                    BigDecimal openTotal = open.getOrDefault(currency, BigDecimal.ZERO);
                    BigDecimal paymentsUnapplied = unappliedPayments.getOrDefault(currency, BigDecimal.ZERO);
                    BigDecimal owedCredit = customerCredit.getOrDefault(currency, BigDecimal.ZERO);
                    BigDecimal available = availableCredit.getOrDefault(currency, BigDecimal.ZERO);
                    BigDecimal writtenOffTotal = writtenOff.getOrDefault(currency, BigDecimal.ZERO);
                    BigDecimal discountedTotal = discounted.getOrDefault(currency, BigDecimal.ZERO);
                    BigDecimal deductedTotal = deducted.getOrDefault(currency, BigDecimal.ZERO);
                    return new Reconciliation(
                            currency,
                            books.receivable(),
                            openTotal,
                            books.unapplied(),
                            paymentsUnapplied,
                            books.customerCredit(),
                            owedCredit,
                            available,
                            books.badDebt(),
                            writtenOffTotal,
                            books.discounts(),
                            discountedTotal,
                            books.deductions(),
                            deductedTotal,
                            books.receivable().compareTo(openTotal) == 0
                                    && books.unapplied().compareTo(paymentsUnapplied) == 0
                                    && books.customerCredit().compareTo(owedCredit) == 0
                                    && owedCredit.compareTo(available) == 0
                                    && books.badDebt().compareTo(writtenOffTotal) == 0
                                    && books.discounts().compareTo(discountedTotal) == 0
                                    && books.deductions().compareTo(deductedTotal) == 0);
                })
                .toList();
    }
}
