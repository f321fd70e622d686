package dev.o2c.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No module runs SQL on another module's tables: each table has one owner, and a module that needs another's data
 * calls its service. Spring Modulith checks the Java dependencies; this checks the SQL text in the sources (native
 * queries, JdbcTemplate) against the owner of every table the migrations create.
 */
class TableOwnershipTest {

    /** Every table and the module that owns it; a new table must be added here (the test below insists). */
    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("audit_record", "platform"),
            Map.entry("customer", "customers"),
            Map.entry("sales_order", "orders"),
            Map.entry("order_line", "orders"),
            Map.entry("credit_decision", "credit"),
            Map.entry("credit_approval", "credit"),
            Map.entry("credit_limit_review", "credit"),
            Map.entry("bureau_report", "credit"),
            Map.entry("credit_score", "credit"),
            Map.entry("credit_alert", "credit"),
            Map.entry("invoice", "billing"),
            Map.entry("invoice_number_sequence", "billing"),
            Map.entry("credit_note", "billing"),
            Map.entry("credit_note_number_sequence", "billing"),
            Map.entry("customer_credit_balance", "billing"),
            Map.entry("customer_credit_use", "billing"),
            Map.entry("dispute", "collections"),
            Map.entry("payment", "payments"),
            Map.entry("payment_allocation", "payments"),
            Map.entry("document", "documents"),
            Map.entry("reminder", "collections"),
            Map.entry("email_outbox", "collections"),
            Map.entry("collection_assignment", "collections"),
            Map.entry("collection_note", "collections"),
            Map.entry("collection_promise", "collections"),
            Map.entry("write_off", "collections"),
            Map.entry("journal_entry", "ledger"),
            Map.entry("journal_line", "ledger"),
            Map.entry("ledger_account", "ledger"),
            Map.entry("bank_statement", "bankstatements"),
            Map.entry("bank_entry", "bankstatements"),
            Map.entry("payer_memory", "cashapplication"),
            Map.entry("human_task", "tasks"),
            Map.entry("model_resource", "modeling"),
            Map.entry("console_element", "console"),
            Map.entry("console_flow", "console"),
            Map.entry("console_incident", "console"),
            Map.entry("console_instance", "console"),
            Map.entry("console_job", "console"),
            Map.entry("console_position", "console"),
            Map.entry("console_process", "console"),
            Map.entry("console_skipped_record", "console"),
            Map.entry("console_variable", "console"));

    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern TABLE_USE =
            Pattern.compile("(?i)\\b(?:from|join|into|update|table)\\s+([a-z_][a-z0-9_]*)\\b");

    private static final Pattern STATEMENT =
            Pattern.compile("(?i)\\b(select\\s|insert\\s+into\\s|delete\\s+from\\s|update\\s+[a-z_]+\\s+set\\s)");

    @Test
    void everyTableHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path migration : migrations.toList()) {
                Matcher m = CREATE_TABLE.matcher(Files.readString(migration));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase());
                }
            }
        }
        assertThat(OWNER.keySet()).as("tables with an owner").containsAll(created);
    }

    @Test
    void noModuleRunsSqlOnAnotherModulesTables() throws IOException {
        List<String> trespasses = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java/dev/o2c"), Path.of("workers/dev/o2c"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String module = root.relativize(file).getName(0).toString();
                    Matcher m = TABLE_USE.matcher(sqlTextOf(Files.readString(file)));
                    while (m.find()) {
                        String owner = OWNER.get(m.group(1).toLowerCase());
                        if (owner != null && !owner.equals(module) && !owner.equals("platform")) {
                            trespasses.add(root.relativize(file) + " uses " + m.group(1) + " (owned by " + owner + ")");
                        }
                    }
                }
            }
        }
        assertThat(trespasses).isEmpty();
    }

    /**
     * The SQL in a source file: text blocks, and string literals that hold a statement. Messages such as "payment from
     * customer 7" are not SQL; a statement split over several concatenated literals is checked by its first part.
     */
    private static String sqlTextOf(String source) {
        StringBuilder sql = new StringBuilder();
        Matcher literal = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL)
                .matcher(source);
        while (literal.find()) {
            if (literal.group(1) != null) {
                sql.append(literal.group(1)).append('\n');
            } else if (STATEMENT.matcher(literal.group(2)).find()) {
                sql.append(literal.group(2)).append('\n');
            }
        }
        return sql.toString();
    }
}
