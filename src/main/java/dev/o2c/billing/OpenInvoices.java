package dev.o2c.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every invoice with money still open, as plain values: what cash application matches a statement against. One query
 * for a whole statement, rows not entities, because a statement of thousands of lines is matched in one pass.
 */
@Service
public class OpenInvoices {

    private final JdbcTemplate jdbc;

    OpenInvoices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record OpenInvoice(
            long id,
            String number,
            long customerId,
            String currency,
            BigDecimal totalAmount,
            BigDecimal openAmount,
            LocalDate discountDate,
            BigDecimal discountRate) {}

    @Transactional(readOnly = true)
    public List<OpenInvoice> all() {
        return jdbc.query(
                """
        select id, number, customer_id, currency, total_amount, open_amount, discount_date, discount_rate
        from invoice where status in ('OPEN', 'PARTIALLY_PAID') and open_amount > 0""",
                (row, i) -> new OpenInvoice(
                        row.getLong("id"),
                        row.getString("number"),
                        row.getLong("customer_id"),
                        row.getString("currency"),
                        row.getBigDecimal("total_amount"),
                        row.getBigDecimal("open_amount"),
                        row.getObject("discount_date", LocalDate.class),
                        row.getBigDecimal("discount_rate")));
    }
}
