package dev.o2c.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o2c.support.MigrationDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V51 on a database of its own, filled at V50 the way the application left it: invoices get what their
 * journaled discounts (Dr 4900) and deductions (Dr 6900) settled, a reversed entry counting for nothing; existing
 * credit notes keep their split (no discount or deduction reversal), and new ones must add up with the reversals.
 */
class DiscountsMigrationTest {

    private static MigrationDatabase database;
    private static JdbcTemplate jdbc;
    private static long customer;

    @BeforeAll
    static void migrateFromV50WithData() throws IOException {
        database = new MigrationDatabase();
        jdbc = database.jdbc();
        database.migrateTo("50");
        customer = database.customer();

        long discounted = database.invoice(customer, "INV-D-1", "PAID", "0.00");
        adjustment("DISCOUNT", "INV-D-1", "4900", "23.80");
        creditNote(discounted, "CN-D-1", "1190.00", "1190.00");
        database.invoice(customer, "INV-D-2", "PAID", "0.00");
        adjustment("DEDUCTION", "INV-D-2", "6900", "4.50");
        adjustment("DEDUCTION", "INV-D-2", "6900", "0.50");
        database.invoice(customer, "INV-D-3", "PAID", "0.00");
        long reversed = adjustment("DISCOUNT", "INV-D-3", "4900", "10.00");
        reversal(reversed, "4900", "10.00");
        database.invoice(customer, "INV-D-4", "OPEN", "1190.00");

        database.migrateTo("51");
    }

    @AfterAll
    static void stop() throws IOException {
        database.close();
    }

    @Test
    void invoicesGetWhatTheirJournaledDiscountsAndDeductionsSettled() {
        assertThat(amount("discounted_amount", "INV-D-1")).isEqualByComparingTo("23.80");
        assertThat(amount("deducted_amount", "INV-D-1")).isZero();
        assertThat(amount("deducted_amount", "INV-D-2")).isEqualByComparingTo("5.00");
        assertThat(amount("discounted_amount", "INV-D-2")).isZero();
        assertThat(amount("discounted_amount", "INV-D-3"))
                .as("its discount entry was reversed")
                .isZero();
        assertThat(amount("discounted_amount", "INV-D-4")).isZero();
        assertThat(amount("deducted_amount", "INV-D-4")).isZero();
    }

    @Test
    void existingCreditNotesKeepTheirSplitAndNewOnesMustAddUpWithTheReversals() {
        assertThat(jdbc.queryForObject(
                        "select discount_reversal_amount + deduction_reversal_amount from credit_note"
                                + " where number = 'CN-D-1'",
                        BigDecimal.class))
                .isZero();
        long invoice = jdbc.queryForObject("select id from invoice where number = 'INV-D-2'", Long.class);

        jdbc.update(
                creditNoteInsert(", discount_reversal_amount, deduction_reversal_amount", ", 0, 5.00"),
                "CN-D-2",
                invoice,
                customer,
                new BigDecimal("5.00"),
                new BigDecimal("5.00"),
                BigDecimal.ZERO,
                "key-CN-D-2");
        assertThatThrownBy(() -> jdbc.update(
                        creditNoteInsert(", deduction_reversal_amount", ", 5.00"),
                        "CN-D-3",
                        invoice,
                        customer,
                        new BigDecimal("5.00"),
                        new BigDecimal("5.00"),
                        new BigDecimal("5.00"),
                        "key-CN-D-3"))
                .as("total = applied + bad-debt, discount and deduction reversals + customer credit")
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static BigDecimal amount(String column, String invoice) {
        return jdbc.queryForObject("select " + column + " from invoice where number = ?", BigDecimal.class, invoice);
    }

    /** A DISCOUNT or DEDUCTION entry as LedgerPostings writes it: Dr {@code account}, Cr 1200; its id. */
    private static long adjustment(String kind, String invoice, String account, String amount) {
        long entry = jdbc.queryForObject("""
                insert into journal_entry (posted_at, effective_date, kind, document, description, customer_id, currency,
                                           posted_by)
                values (now(), date '2026-11-15', ?, ?, 'adjusted', ?, 'EUR', 'system') returning id""", Long.class, kind, invoice, customer);
        lines(entry, account, "1200", amount);
        return entry;
    }

    /** The mirror image of {@code entry}, as Journal.reverse posts it. */
    private static void reversal(long entry, String account, String amount) {
        long reversal = jdbc.queryForObject("""
                insert into journal_entry (posted_at, effective_date, kind, document, description, customer_id, currency,
                                           posted_by, reversal_of)
                select now(), effective_date, kind, document, 'reversal', customer_id, currency, 'clerk', id
                from journal_entry where id = ? returning id""", Long.class, entry);
        lines(reversal, "1200", account, amount);
    }

    /** Both lines in one statement: the ledger refuses an entry that does not balance when its transaction ends. */
    private static void lines(long entry, String debit, String credit, String amount) {
        BigDecimal value = new BigDecimal(amount);
        jdbc.update(
                "insert into journal_line (entry_id, account_code, debit, credit) values (?, ?, ?, 0), (?, ?, 0, ?)",
                entry,
                debit,
                value,
                entry,
                credit,
                value);
    }

    /** A credit note all customer credit, as issued before V51. */
    private static void creditNote(long invoice, String number, String total, String customerCredit) {
        jdbc.update(
                creditNoteInsert("", ""),
                number,
                invoice,
                customer,
                new BigDecimal(total),
                new BigDecimal(total),
                new BigDecimal(customerCredit),
                "key-" + number);
    }

    private static String creditNoteInsert(String extraColumns, String extraValues) {
        return "insert into credit_note (number, invoice_id, customer_id, currency, issue_date, net_amount, tax_amount,"
                + " total_amount, applied_amount, customer_credit_amount, status, reason, request_key, issued_by,"
                + " issued_at" + extraColumns + ") values (?, ?, ?, 'EUR', date '2026-11-20', ?, 0, ?, 0, ?, 'ISSUED',"
                + " 'returned', ?, 'clerk', now()" + extraValues + ")";
    }
}
