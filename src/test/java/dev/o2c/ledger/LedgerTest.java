package dev.o2c.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceService;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.PaymentTerms;
import dev.o2c.customers.RiskClass;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class LedgerTest {

    @Autowired
    Scenario scenario;

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    InvoiceService invoices;

    @Autowired
    Journal journal;

    @Autowired
    LedgerInvariants invariants;

    @Autowired
    Clock clock;

    @Autowired
    CustomerService customers;

    @AfterEach
    void ledgerStillHolds() {
        invariants.assertHold();
    }

    @Test
    void anInvoiceIsDebitedToReceivableAgainstRevenueAndTax() {
        Customer customer = customers.create(
                new CustomerService.NewCustomer(
                        "Taxed " + System.nanoTime(),
                        "taxed@customer.example",
                        "EUR",
                        PaymentTerms.parse("NET30"),
                        new BigDecimal("10000"),
                        RiskClass.A,
                        new BigDecimal("0.19"),
                        null),
                "test");
        Invoice invoice = scenario.invoiceFor(customer, "250.00");

        List<Map<String, Object>> lines = linesOf("invoice-" + invoice.getId());

        assertThat(lines).extracting(line -> line.get("account_code")).containsExactly("1200", "4000", "2200");
        assertThat((BigDecimal) lines.get(0).get("debit")).isEqualByComparingTo("297.50");
        assertThat((BigDecimal) lines.get(1).get("credit")).isEqualByComparingTo("250.00");
        assertThat((BigDecimal) lines.get(2).get("credit")).isEqualByComparingTo("47.50");
    }

    @Test
    void aPaymentIsBankAgainstReceivableAndTheRestIsUnappliedCash() {
        Customer customer = scenario.customer("10000");
        Invoice invoice = scenario.invoiceFor(customer, "100.00");

        JsonNode partial = pay(customer, "40.00", invoice.getNumber());
        JsonNode overpaid = pay(customer, "100.00", invoice.getNumber());

        assertThat(linesOf("payment-" + partial.path("id").asLong()))
                .extracting(line -> line.get("account_code"))
                .containsExactly("1000", "1200");
        List<Map<String, Object>> over =
                linesOf("payment-" + overpaid.path("id").asLong());
        assertThat(over).extracting(line -> line.get("account_code")).containsExactly("1000", "1200", "2100");
        assertThat((BigDecimal) over.get(2).get("credit")).isEqualByComparingTo("40.00");
    }

    @Test
    void dunningChargesDiscountsAndDeductionsReachTheirAccounts() {
        Customer customer = scenario.customer("10000");
        Invoice invoice = scenario.invoiceFor(customer, "500.00");

        invoices.addDunningCharges(invoice.getId(), 2, new BigDecimal("5.00"), new BigDecimal("1.25"));
        transactions.executeWithoutResult(status -> {
            Invoice locked = invoices.get(invoice.getId());
            invoices.adjust(
                    locked, dev.o2c.billing.InvoiceAdjusted.Kind.DISCOUNT, new BigDecimal("10.00"), "test", "2%");
            invoices.adjust(
                    locked, dev.o2c.billing.InvoiceAdjusted.Kind.DEDUCTION, new BigDecimal("0.50"), "test", "fee");
        });

        assertThat(linesOf("dunning-" + invoice.getId() + "-2"))
                .extracting(line -> line.get("account_code"))
                .containsExactly("1200", "4100", "4200");
        assertThat(jdbc.queryForList("""
        select l.account_code from journal_line l join journal_entry e on e.id = l.entry_id
        where e.document = ? and e.kind in ('DISCOUNT', 'DEDUCTION') order by l.id""", String.class, invoice.getNumber()))
                .containsExactly("4900", "1200", "6900", "1200");
    }

    @Test
    void theSameEventPostedTwiceIsJournaledOnce() {
        Customer customer = scenario.customer("10000");
        Invoice invoice = scenario.invoiceFor(customer, "75.00");

        transactions.executeWithoutResult(status -> journal.post(new JournalDraft(
                        LocalDate.now(clock),
                        "INVOICE",
                        invoice.getNumber(),
                        "again",
                        customer.getId(),
                        "EUR",
                        "test",
                        "invoice-" + invoice.getId())
                .debit(LedgerAccount.RECEIVABLE, invoice.getTotalAmount())
                .credit(LedgerAccount.REVENUE, invoice.getTotalAmount())));

        assertThat(jdbc.queryForObject(
                        "select count(*) from journal_entry where idempotency_key = ?",
                        Integer.class,
                        "invoice-" + invoice.getId()))
                .isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesEditsDeletesAndUnbalancedEntries() {
        Customer customer = scenario.customer("10000");
        Invoice invoice = scenario.invoiceFor(customer, "60.00");
        long entryId = jdbc.queryForObject(
                "select id from journal_entry where idempotency_key = ?", Long.class, "invoice-" + invoice.getId());

        assertThatThrownBy(() -> jdbc.update("update journal_line set debit = 1 where entry_id = ?", entryId))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from journal_entry where id = ?", entryId))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    Long id = jdbc.queryForObject("""
          insert into journal_entry (posted_at, effective_date, kind, document, description, currency, posted_by)
          values (now(), current_date, 'BROKEN', 'x', 'one-sided', 'EUR', 'test') returning id""", Long.class);
                    jdbc.update("insert into journal_line (entry_id, account_code, debit) values (?, '1000', 10)", id);
                }))
                .rootCause()
                .hasMessageContaining("does not balance");
    }

    @Test
    void aCorrectionIsAReversalAndAnEntryIsReversedOnlyOnce() {
        long entryId = transactions.execute(status -> journal.post(new JournalDraft(
                                LocalDate.now(clock),
                                "MANUAL",
                                "JV-1",
                                "bank interest booked to the wrong account",
                                null,
                                "EUR",
                                "test",
                                null)
                        .debit(LedgerAccount.BANK, new BigDecimal("3.00"))
                        .credit(LedgerAccount.FEE_INCOME, new BigDecimal("3.00")))
                .orElseThrow());

        long reversalId = journal.reverse(entryId, "clerk", "wrong account");

        assertThat(jdbc.queryForList(
                        "select account_code || ':' || debit || ':' || credit from journal_line "
                                + "where entry_id = ? order by id",
                        String.class,
                        reversalId))
                .containsExactly("1000:0.00:3.00", "4100:3.00:0.00");
        assertThatThrownBy(() -> journal.reverse(entryId, "clerk", "again")).hasMessageContaining("already reversed");
    }

    @Test
    void theCustomerStatementShowsOpeningMovementsAndClosing() {
        Customer customer = scenario.customer("10000");
        Invoice first = scenario.invoiceFor(customer, "100.00");
        LocalDate today = LocalDate.now(clock);
        pay(customer, "30.00", first.getNumber());

        JsonNode statement = api.get(
                        "clerk", "/api/customers/" + customer.getId() + "/statement?from=" + today + "&to=" + today)
                .body();

        assertThat(statement.path("openingBalance").decimalValue()).isEqualByComparingTo("0");
        JsonNode movements = statement.path("movements");
        assertThat(movements).hasSize(2);
        assertThat(movements.path(0).path("document").asText()).isEqualTo(first.getNumber());
        assertThat(movements.path(0).path("debit").decimalValue()).isEqualByComparingTo(first.getTotalAmount());
        assertThat(movements.path(1).path("credit").decimalValue()).isEqualByComparingTo("30.00");
        BigDecimal owed = first.getTotalAmount().subtract(new BigDecimal("30.00"));
        assertThat(statement.path("closingBalance").decimalValue()).isEqualByComparingTo(owed);

        JsonNode later = api.get(
                        "clerk",
                        "/api/customers/" + customer.getId() + "/statement?from=" + today.plusDays(1) + "&to="
                                + today.plusDays(2))
                .body();
        assertThat(later.path("openingBalance").decimalValue()).isEqualByComparingTo(owed);
        assertThat(later.path("movements")).isEmpty();
    }

    @Test
    void statementAndTrialBalanceAnswerOnlyTheirRolesAndCheckTheirInput() {
        Customer customer = scenario.customer("10000");

        assertThat(api.get("sales", "/api/customers/" + customer.getId() + "/statement")
                        .status())
                .isEqualTo(403);
        assertThat(api.get("sales", "/api/ledger/trial-balance").status()).isEqualTo(403);
        assertThat(api.get("clerk", "/api/customers/999999/statement").status()).isEqualTo(404);
        Api.Response backwards =
                api.get("clerk", "/api/customers/" + customer.getId() + "/statement?from=2026-12-31&to=2026-01-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.field()).isEqualTo("from");

        JsonNode report = api.get("clerk", "/api/ledger/trial-balance").body();
        assertThat(report.path("balanced").asBoolean()).isTrue();
        assertThat(report.path("reconciled").asBoolean()).isTrue();
    }

    private JsonNode pay(Customer customer, String amount, String reference) {
        Api.Response response = api.post(
                "clerk",
                "/api/payments",
                Map.of(
                        "customerId",
                        customer.getId(),
                        "amount",
                        amount,
                        "currency",
                        "EUR",
                        "reference",
                        reference,
                        "valueDate",
                        LocalDate.now(clock).toString()));
        assertThat(response.status()).isEqualTo(201);
        return response.body();
    }

    private List<Map<String, Object>> linesOf(String key) {
        return jdbc.queryForList("""
        select l.account_code, l.debit, l.credit from journal_line l join journal_entry e on e.id = l.entry_id
        where e.idempotency_key = ? order by l.id""", key);
    }
}
