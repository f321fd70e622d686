package dev.o2c.billing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Gapless credit note numbers per year (CN-2026-000001, ...), a legal series of their own beside the invoices'. */
@Component
public class CreditNoteNumbers {

    public static final String PREFIX = "CN";
    public static final java.util.regex.Pattern FORMAT = YearlyNumberSeries.pattern(PREFIX);

    private final YearlyNumberSeries series;

    CreditNoteNumbers(JdbcTemplate jdbc) {
        this.series = new YearlyNumberSeries(jdbc, "credit_note_number_sequence", PREFIX);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(int year) {
        return series.next(year);
    }
}
