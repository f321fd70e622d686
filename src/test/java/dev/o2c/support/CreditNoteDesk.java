package dev.o2c.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.billing.CreditNote;
import dev.o2c.billing.CreditNotes;
import dev.o2c.billing.Invoice;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Issues credit notes the way an AR clerk does (over the API) and reads what they posted to the ledger. */
@Component
public class CreditNoteDesk {

    private final Api api;
    private final CreditNotes creditNotes;
    private final JdbcTemplate jdbc;

    CreditNoteDesk(Api api, CreditNotes creditNotes, JdbcTemplate jdbc) {
        this.api = api;
        this.creditNotes = creditNotes;
        this.jdbc = jdbc;
    }

    /** POST /api/invoices/{id}/credit-notes as a clerk; expects 201. */
    public CreditNote issue(Invoice invoice, String amount, String reason) {
        Api.Response response = api.post(
                "clerk",
                "/api/invoices/" + invoice.getId() + "/credit-notes",
                Map.of("amount", new BigDecimal(amount), "reason", reason));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return creditNotes.get(response.body().path("id").asLong());
    }

    /** The credit note's journal entry, debit less credit per account. */
    public Map<String, BigDecimal> journalLines(CreditNote note) {
        Map<String, BigDecimal> lines = new TreeMap<>();
        jdbc.query(
                """
                select l.account_code, l.debit - l.credit as amount from journal_entry e
                join journal_line l on l.entry_id = e.id where e.kind = 'CREDIT_NOTE' and e.document = ?""",
                row -> {
                    lines.put(row.getString("account_code"), row.getBigDecimal("amount"));
                },
                note.getNumber());
        return lines;
    }

    /**
     * What stays on {@code account} for the invoice: its own entries (write-offs, discounts, deductions) less what its
     * credit notes reversed.
     */
    public BigDecimal netOnAccountFor(Invoice invoice, String account) {
        return jdbc.queryForObject("""
                select coalesce(sum(l.debit - l.credit), 0) from journal_entry e join journal_line l on l.entry_id = e.id
                where l.account_code = ? and (e.document = ? or e.document in
                  (select number from credit_note where invoice_id = ?))""", BigDecimal.class, account, invoice.getNumber(), invoice.getId());
    }
}
