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
 * Migration V47 on a database of its own, filled at V46 the way the application left it: invoices get what their
 * posted write-offs took off them, existing credit notes keep their split (no bad-debt reversal), and invoices an
 * approved write-off provably closed before V46 turn from PAID to WRITTEN_OFF, audited; any other PAID invoice stays.
 */
class WrittenOffMigrationTest {

    private static MigrationDatabase database;
    private static JdbcTemplate jdbc;
    private static long customer;

    @BeforeAll
    static void migrateFromV46WithData() throws IOException {
        database = new MigrationDatabase();
        jdbc = database.jdbc();
        database.migrateTo("46");
        customer = database.customer();

        // closed by an approved write-off of all that was open (its posting's audit says so)
        long closedByWriteOff = invoice("INV-M-1", "PAID", "0.00");
        long writeOffOne = writeOff(closedByWriteOff, "690.00", "690.00", false, "POSTED");
        postedAudit(writeOffOne, "690.00 EUR of INV-M-1 to bad debt, open now 0.00");
        creditNote(closedByWriteOff, "CN-M-1", "1190.00", "0.00", "0.00", "1190.00");
        // an approved write-off of more than was open: posting took all that was open
        long closedByCappedWriteOff = invoice("INV-M-2", "PAID", "0.00");
        writeOff(closedByCappedWriteOff, "800.00", "500.00", false, "POSTED");
        // an approved write-off that left 890 open, which a payment closed later
        long paidAfterWriteOff = invoice("INV-M-3", "PAID", "0.00");
        long writeOffThree = writeOff(paidAfterWriteOff, "300.00", "300.00", false, "POSTED");
        postedAudit(writeOffThree, "300.00 EUR of INV-M-3 to bad debt, open now 890.00");
        // a small residual the system wrote off after a payment: PAID is right
        long residual = invoice("INV-M-4", "PAID", "0.00");
        long writeOffFour = writeOff(residual, "0.60", "0.60", true, "POSTED");
        postedAudit(writeOffFour, "0.60 EUR of INV-M-4 to bad debt, open now 0.00 (automatic: small residual)");
        // still open, its write-off rejected
        long open = invoice("INV-M-5", "PARTIALLY_PAID", "690.00");
        writeOff(open, "690.00", null, false, "REJECTED");

        database.migrateTo("47");
    }

    @AfterAll
    static void stop() throws IOException {
        database.close();
    }

    @Test
    void invoicesGetWhatTheirPostedWriteOffsTookOff() {
        assertThat(writtenOff("INV-M-1")).isEqualByComparingTo("690.00");
        assertThat(writtenOff("INV-M-2")).isEqualByComparingTo("500.00");
        assertThat(writtenOff("INV-M-3")).isEqualByComparingTo("300.00");
        assertThat(writtenOff("INV-M-4")).isEqualByComparingTo("0.60");
        assertThat(writtenOff("INV-M-5")).isZero();
    }

    @Test
    void onlyInvoicesAnApprovedWriteOffProvablyClosedBecomeWrittenOffAndEachChangeIsAudited() {
        assertThat(status("INV-M-1")).isEqualTo("WRITTEN_OFF");
        assertThat(status("INV-M-2")).isEqualTo("WRITTEN_OFF");
        assertThat(status("INV-M-3"))
                .as("paid after a write-off that left some open")
                .isEqualTo("PAID");
        assertThat(status("INV-M-4")).as("closed by a residual").isEqualTo("PAID");
        assertThat(status("INV-M-5")).isEqualTo("PARTIALLY_PAID");
        assertThat(jdbc.queryForList("""
                select i.number from audit_record a join invoice i on a.entity_id = i.id::text
                where a.entity_type = 'invoice' and a.action = 'INVOICE_STATUS_CORRECTED' order by i.number""", String.class)).containsExactly("INV-M-1", "INV-M-2");
    }

    @Test
    void existingCreditNotesKeepTheirSplitAndNewOnesMustAddUpWithTheReversal() {
        assertThat(jdbc.queryForObject(
                        "select bad_debt_reversal_amount from credit_note where number = 'CN-M-1'", BigDecimal.class))
                .isZero();
        long invoice = jdbc.queryForObject("select id from invoice where number = 'INV-M-1'", Long.class);

        // V35's total = applied + customer credit would refuse this one
        creditNote(invoice, "CN-M-2", "10.00", "0.00", "10.00", "0.00");
        assertThatThrownBy(() -> creditNote(invoice, "CN-M-3", "10.00", "0.00", "10.00", "10.00"))
                .as("total = applied + bad-debt reversal + customer credit")
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static BigDecimal writtenOff(String invoice) {
        return jdbc.queryForObject(
                "select written_off_amount from invoice where number = ?", BigDecimal.class, invoice);
    }

    private static String status(String invoice) {
        return jdbc.queryForObject("select status from invoice where number = ?", String.class, invoice);
    }

    private static long invoice(String number, String status, String open) {
        return database.invoice(customer, number, status, open);
    }

    private static long writeOff(long invoice, String amount, String posted, boolean automatic, String status) {
        return jdbc.queryForObject(
                """
                insert into write_off (invoice_id, customer_id, currency, amount, reason, status, automatic, requested_by,
                                       requested_at, days_overdue, risk_class, posted_amount, posted_at)
                values (?, ?, 'EUR', ?, 'insolvent', ?, ?, 'collector', now(), 45, 'B', ?,
                        case when ? = 'POSTED' then now() end) returning id""",
                Long.class,
                invoice,
                customer,
                new BigDecimal(amount),
                status,
                automatic,
                posted == null ? null : new BigDecimal(posted),
                status);
    }

    private static void postedAudit(long writeOff, String details) {
        jdbc.update("""
                insert into audit_record (at, actor, action, entity_type, entity_id, details)
                values (now(), 'manager', 'WRITE_OFF_POSTED', 'write-off', ?, ?)""", String.valueOf(writeOff), details);
    }

    private static void creditNote(
            long invoice, String number, String total, String applied, String badDebtReversal, String customerCredit) {
        boolean reversalColumn = new BigDecimal(badDebtReversal).signum() > 0;
        jdbc.update(
                "insert into credit_note (number, invoice_id, customer_id, currency, issue_date, net_amount, tax_amount,"
                        + " total_amount, applied_amount, customer_credit_amount, status, reason, request_key,"
                        + " issued_by, issued_at" + (reversalColumn ? ", bad_debt_reversal_amount" : "") + ")"
                        + " values (?, ?, ?, 'EUR', date '2026-11-20', ?, 0, ?, ?, ?, 'ISSUED', 'returned', ?, 'clerk',"
                        + " now()" + (reversalColumn ? ", " + badDebtReversal : "") + ")",
                number,
                invoice,
                customer,
                new BigDecimal(total),
                new BigDecimal(total),
                new BigDecimal(applied),
                new BigDecimal(customerCredit),
                "key-" + number);
    }
}
