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
class InvoiceNumbers {

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
    return "INV-%d-%06d".formatted(year, number);
  }
}
