package dev.o2c.billing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gapless invoice numbers per year (INV-2026-000001, ...), as tax law in many countries wants. The counter row stays
 * locked until the issuing transaction ends, so a rolled-back invoice gives its number back.
 */
@Component
public class InvoiceNumbers {

    /** The prefix every invoice number starts with. */
    public static final String PREFIX = "INV";
    /** Digits of the sequence within a year. */
    public static final int SEQUENCE_DIGITS = 6;
    /** An invoice number exactly as the application writes it, e.g. INV-2026-000001. */
    public static final java.util.regex.Pattern FORMAT =
            java.util.regex.Pattern.compile(PREFIX + "-\\d{4}-\\d{" + SEQUENCE_DIGITS + "}");

    private final JdbcTemplate jdbc;

    InvoiceNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(int year) {
        Integer number = jdbc.queryForObject("""
        insert into invoice_number_sequence (year, last_number) values (?, 1)
        on conflict (year) do update set last_number = invoice_number_sequence.last_number + 1
        returning last_number""", Integer.class, year);
        return format(year, number);
    }

    static String format(int year, int sequence) {
        return (PREFIX + "-%d-%0" + SEQUENCE_DIGITS + "d").formatted(year, sequence);
    }
}
