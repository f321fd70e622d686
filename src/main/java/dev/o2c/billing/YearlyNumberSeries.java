package dev.o2c.billing;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A gapless legal number series per year (PREFIX-2026-000001, ...), kept in a counter table of its own. The counter
 * row stays locked until the issuing transaction ends, so a rolled-back document gives its number back and two
 * documents never share one.
 */
final class YearlyNumberSeries {

    /** Digits of the sequence within a year, the same for every series. */
    static final int SEQUENCE_DIGITS = 6;

    private final JdbcTemplate jdbc;
    private final String counterTable;
    private final String prefix;

    YearlyNumberSeries(JdbcTemplate jdbc, String counterTable, String prefix) {
        if (!counterTable.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + counterTable);
        }
        this.jdbc = jdbc;
        this.counterTable = counterTable;
        this.prefix = prefix;
    }

    /** The next number of {@code year}; must run inside the issuing transaction. */
    String next(int year) {
        Integer number = jdbc.queryForObject("""
        insert into %1$s (year, last_number) values (?, 1)
        on conflict (year) do update set last_number = %1$s.last_number + 1
        returning last_number""".formatted(counterTable), Integer.class, year);
        return format(year, number);
    }

    String format(int year, int sequence) {
        return (prefix + "-%d-%0" + SEQUENCE_DIGITS + "d").formatted(year, sequence);
    }

    static java.util.regex.Pattern pattern(String prefix) {
        return java.util.regex.Pattern.compile(prefix + "-\\d{4}-\\d{" + SEQUENCE_DIGITS + "}");
    }
}
