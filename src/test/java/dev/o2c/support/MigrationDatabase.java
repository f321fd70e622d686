package dev.o2c.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A PostgreSQL of its own for a migration test: migrate to the version before the one under test, fill it the way the
 * application left it, migrate on, look.
 */
public final class MigrationDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final JdbcTemplate jdbc;

    public MigrationDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public void migrateTo(String version) {
        Flyway.configure()
                .dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/migration")
                .target(version)
                .load()
                .migrate();
    }

    /** A EUR customer; its id. */
    public long customer() {
        return jdbc.queryForObject("""
                insert into customer (name, email, currency, payment_terms, credit_limit, risk_class, created_at)
                values ('Migrated GmbH', 'ap@migrated.example', 'EUR', 'NET30', 10000, 'B', now()) returning id""", Long.class);
    }

    /** An invoice of 1,190.00 (1,000.00 + 19% VAT) from an order of its own, with {@code open} open; its id. */
    public long invoice(long customer, String number, String status, String open) {
        long order = jdbc.queryForObject("""
                insert into sales_order (customer_id, currency, total_amount, status, placed_by, placed_at)
                values (?, 'EUR', 1000.00, 'COMPLETED', 'sales', now()) returning id""", Long.class, customer);
        return jdbc.queryForObject("""
                insert into invoice (number, customer_id, order_id, currency, issue_date, due_date, net_amount, tax_amount,
                                     total_amount, open_amount, status, paid_on)
                values (?, ?, ?, 'EUR', date '2026-09-01', date '2026-10-01', 1000.00, 190.00, 1190.00, ?, ?,
                        case when ? = 'PAID' then date '2026-11-15' end) returning id""", Long.class, number, customer, order, new BigDecimal(open), status, status);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
