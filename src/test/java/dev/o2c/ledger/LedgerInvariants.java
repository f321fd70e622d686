package dev.o2c.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.billing.ReceivableFigures;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's promises, checked against the database in one snapshot (other tests' processes keep running): every
 * entry balances, receivable equals open invoices, unapplied cash equals unapplied payments, customer credit (2150)
 * equals credit notes' customer credit less applications and refunds, and equals every customer's available balance;
 * bad debt expense (6800) equals what write-offs took off invoices less what credit notes reversed of it; discounts
 * allowed (4900) and short-payment deductions (6900) likewise equal what discounts and deductions settled on invoices
 * less what credit notes reversed of them.
 */
@Component
public class LedgerInvariants {

    private final JdbcTemplate jdbc;
    private final TrialBalance trialBalance;
    private final ReceivableFigures receivables;

    LedgerInvariants(JdbcTemplate jdbc, TrialBalance trialBalance, ReceivableFigures receivables) {
        this.jdbc = jdbc;
        this.trialBalance = trialBalance;
        this.receivables = receivables;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public void assertHold() {
        List<Long> unbalanced = jdbc.queryForList("""
        select entry_id from journal_line group by entry_id having sum(debit) <> sum(credit)""", Long.class);
        assertThat(unbalanced).as("journal entries that do not balance").isEmpty();
        Integer entriesWithoutLines = jdbc.queryForObject("""
        select count(*) from journal_entry e where not exists (select 1 from journal_line l where l.entry_id = e.id)""", Integer.class);
        assertThat(entriesWithoutLines).as("journal entries without lines").isZero();
        TrialBalance.Report report = trialBalance.report();
        assertThat(report.balanced()).as("trial balance debits equal credits").isTrue();
        report.reconciliations().forEach(reconciliation -> {
            assertThat(reconciliation.receivableBalance())
                    .as("receivable vs open invoices in " + reconciliation.currency())
                    .isEqualByComparingTo(reconciliation.openInvoicesTotal());
            assertThat(reconciliation.unappliedBalance())
                    .as("unapplied cash vs payments in " + reconciliation.currency())
                    .isEqualByComparingTo(reconciliation.unappliedPaymentsTotal());
            assertThat(reconciliation.customerCreditBalance())
                    .as("customer credit vs credit notes less applications and refunds in " + reconciliation.currency())
                    .isEqualByComparingTo(reconciliation.customerCreditOwedTotal());
            assertThat(reconciliation.availableCustomerCreditTotal())
                    .as("customers' available credit vs credit notes less applications and refunds in "
                            + reconciliation.currency())
                    .isEqualByComparingTo(reconciliation.customerCreditOwedTotal());
            assertThat(reconciliation.badDebtBalance())
                    .as("bad debt expense vs invoices written off less credit notes' bad-debt reversals in "
                            + reconciliation.currency())
                    .isEqualByComparingTo(reconciliation.writtenOffNotReversedTotal());
            assertThat(reconciliation.discountsBalance())
                    .as("discounts allowed vs invoices' discounts less credit notes' discount reversals in "
                            + reconciliation.currency())
                    .isEqualByComparingTo(reconciliation.discountedNotReversedTotal());
            assertThat(reconciliation.deductionsBalance())
                    .as("short-payment deductions vs invoices' deductions less credit notes' deduction reversals in "
                            + reconciliation.currency())
                    .isEqualByComparingTo(reconciliation.deductedNotReversedTotal());
        });
        assertThat(receivables.customerCreditBalancesOutOfStep())
                .as("customers' available credit balances out of step with their documents")
                .isEmpty();
        assertThat(report.reconciled()).isTrue();
        assertThat(report.totalDebits().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(report.totalCredits().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
