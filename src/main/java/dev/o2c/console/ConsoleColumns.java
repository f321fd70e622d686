package dev.o2c.console;

import dev.o2c.platform.text.Texts;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one rule for text the console stores from outside (engine records carry whatever workers and models put in
 * them): it must fit its column. The lengths are read from the database catalog, so the migrations stay the only
 * place that declares them; text that is too long is cut and says so at its end.
 */
@Component
public class ConsoleColumns {

    /** Ends a cut text; the count is the original length, so a reader knows how much is missing. */
    static final String CUT_MARKER = "… [cut, %d characters in all]";

    private final JdbcTemplate jdbc;
    private volatile Map<String, Integer> lengths;

    ConsoleColumns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The text as it can be stored in {@code table.column}: cut to the column's length with a marker, and without NUL
     * characters, which PostgreSQL refuses in any text. Unbounded columns take any length.
     */
    public String fit(String table, String column, String text) {
        if (text == null) {
            return null;
        }
        String clean = text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
        int length = lengthOf(table, column);
        if (clean.length() <= length) {
            return clean;
        }
        return Texts.cut(clean, length, CUT_MARKER.formatted(clean.length()));
    }

    /** The declared length of a console column, {@code Integer.MAX_VALUE} for unbounded text. */
    int lengthOf(String table, String column) {
        Integer length = lengths().get(table + "." + column);
        if (length == null) {
            // A programming error (a column renamed or not yet migrated), not something a record can cause.
            throw new IllegalStateException("no text column " + table + "." + column + " in the console's tables");
        }
        return length;
    }

    private Map<String, Integer> lengths() {
        Map<String, Integer> known = lengths;
        if (known == null) {
            Map<String, Integer> read = new HashMap<>();
            jdbc.query(
                    """
          select table_name, column_name, character_maximum_length from information_schema.columns
          where table_schema = current_schema() and table_name like 'console\\_%'
            and data_type in ('character varying', 'character', 'text')""",
                    row -> {
                        Integer declared = (Integer) row.getObject("character_maximum_length", Integer.class);
                        read.put(
                                row.getString("table_name") + "." + row.getString("column_name"),
                                declared == null ? Integer.MAX_VALUE : declared);
                    });
            lengths = known = Map.copyOf(read);
        }
        return known;
    }
}
