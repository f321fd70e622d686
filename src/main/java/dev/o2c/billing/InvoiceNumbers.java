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
    public static final int SEQUENCE_DIGITS = YearlyNumberSeries.SEQUENCE_DIGITS;
    /** An invoice number exactly as the application writes it, e.g. INV-2026-000001. */
    public static final java.util.regex.Pattern FORMAT = YearlyNumberSeries.pattern(PREFIX);

    private final YearlyNumberSeries series;

    InvoiceNumbers(JdbcTemplate jdbc) {
        this.series = new YearlyNumberSeries(jdbc, "invoice_number_sequence", PREFIX);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(int year) {
        return series.next(year);
    }
}
