package dev.o2c.ledger;

import dev.o2c.billing.CustomerCredits;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's statement of account from the ledger: what they owed at the start, every invoice, charge, payment
 * and credit since, and what they owe at the end. Positive means the customer owes us; unapplied cash and the
 * customer credit left by credit notes count against it.
 */
@Service
public class CustomerStatements {

    private static final String CUSTOMER_EFFECT = """
      sum(case when l.account_code = '1200' then l.debit - l.credit
               when l.account_code = '2100' then l.debit - l.credit
               when l.account_code = '2150' then l.debit - l.credit else 0 end)""";

    private final JdbcTemplate jdbc;
    private final CustomerService customers;
    private final CustomerCredits customerCredits;

    CustomerStatements(JdbcTemplate jdbc, CustomerService customers, CustomerCredits customerCredits) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.customerCredits = customerCredits;
    }

    public record Movement(
            LocalDate date,
            String document,
            String kind,
            String description,
            BigDecimal debit,
            BigDecimal credit,
            BigDecimal balance) {}

    public record Statement(
            long customerId,
            String customerName,
            String currency,
            LocalDate from,
            LocalDate to,
            BigDecimal openingBalance,
            List<Movement> movements,
            BigDecimal closingBalance,
            /** Customer credit the customer may have applied or refunded now (in the statement's currency). */
            BigDecimal availableCustomerCredit) {}

    /**
     * What the customer owed in one currency at the end of a day: invoices and charges still open (receivable), less
     * payments not yet applied to an invoice and the credit that credit notes left. Positive: the customer owes us.
     */
    public record Balance(String currency, BigDecimal receivable, BigDecimal unappliedCash, BigDecimal customerCredit) {

        public BigDecimal balance() {
            return receivable.subtract(unappliedCash).subtract(customerCredit);
        }
    }

    /** The customer's balance per currency at the end of {@code asOf}, from the ledger; currencies never used left out. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<Balance> balancesAsOf(long customerId, LocalDate asOf) {
        customers.get(customerId);
        return jdbc.query(
                """
        select e.currency,
               coalesce(sum(case when l.account_code = '1200' then l.debit - l.credit else 0 end), 0) as receivable,
               coalesce(sum(case when l.account_code = '2100' then l.credit - l.debit else 0 end), 0) as unapplied,
               coalesce(sum(case when l.account_code = '2150' then l.credit - l.debit else 0 end), 0) as credit
        from journal_line l join journal_entry e on e.id = l.entry_id
        where e.customer_id = ? and e.effective_date <= ? and l.account_code in ('1200', '2100', '2150')
        group by e.currency order by e.currency""",
                (row, i) -> new Balance(
                        row.getString("currency"),
                        row.getBigDecimal("receivable"),
                        row.getBigDecimal("unapplied"),
                        row.getBigDecimal("credit")),
                customerId,
                Date.valueOf(asOf));
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Statement of(long customerId, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new InvalidLedgerException("from", "must not be after to (" + to + ")");
        }
        Customer customer = customers.get(customerId);
        BigDecimal opening = jdbc.queryForObject(
                "select coalesce(" + CUSTOMER_EFFECT + ", 0) from journal_line l "
                        + "join journal_entry e on e.id = l.entry_id where e.customer_id = ? and e.effective_date < ?",
                BigDecimal.class,
                customerId,
                Date.valueOf(from));
        List<Movement> movements = new ArrayList<>();
        BigDecimal[] running = {opening};
        jdbc.query(
                "select e.effective_date, e.document, e.kind, e.description, " + CUSTOMER_EFFECT + " as effect "
                        + "from journal_line l join journal_entry e on e.id = l.entry_id "
                        + "where e.customer_id = ? and e.effective_date between ? and ? "
                        + "group by e.id, e.effective_date, e.document, e.kind, e.description "
                        + "having " + CUSTOMER_EFFECT + " <> 0 order by e.effective_date, e.id",
                row -> {
                    BigDecimal effect = row.getBigDecimal("effect");
                    running[0] = running[0].add(effect);
                    movements.add(new Movement(
                            row.getDate("effective_date").toLocalDate(),
                            row.getString("document"),
                            row.getString("kind"),
                            row.getString("description"),
                            effect.signum() > 0 ? effect : BigDecimal.ZERO,
                            effect.signum() < 0 ? effect.negate() : BigDecimal.ZERO,
                            running[0]));
                },
                customerId,
                Date.valueOf(from),
                Date.valueOf(to));
        return new Statement(
                customerId,
                customer.getName(),
                customer.getCurrency(),
                from,
                to,
                opening,
                movements,
                running[0],
                customerCredits.availableFor(customerId).getOrDefault(customer.getCurrency(), BigDecimal.ZERO));
    }
}
