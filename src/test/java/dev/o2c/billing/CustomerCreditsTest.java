package dev.o2c.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.customers.Customer;
import dev.o2c.customers.RiskClass;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.orders.OrderService;
import dev.o2c.payments.PaymentService;
import dev.o2c.platform.audit.AuditRepository;
import dev.o2c.support.Api;
import dev.o2c.support.EngineRecords;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Customer credit left by credit notes: applied to another open invoice, refunded, never overdrawn; the ledger. */
@IntegrationTest
class CustomerCreditsTest {

    @Autowired
    Scenario scenario;

    @Autowired
    Api api;

    @Autowired
    CustomerCredits customerCredits;

    @Autowired
    PaymentService payments;

    @Autowired
    OrderService orders;

    @Autowired
    EngineRecords engine;

    @Autowired
    AuditRepository audit;

    @Autowired
    LedgerInvariants ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @AfterEach
    void ledgerStillHolds() {
        ledger.assertHold();
    }

    @Test
    void creditAppliedToAnotherOpenInvoiceReducesWhatIsOpenAndClosesItLikeAPayment() {
        Customer customer = customerWithCredit("300.00");
        Invoice second = scenario.invoiceFor(customer, "250.00");

        Api.Response part = apply(customer, second, "100.00", "EUR", Map.of());

        assertThat(part.status()).as(part.body().toString()).isEqualTo(201);
        assertThat(part.body().path("kind").asText()).isEqualTo("APPLICATION");
        assertThat(part.body().path("invoiceId").asLong()).isEqualTo(second.getId());
        assertThat(part.body().path("recordedBy").asText()).isEqualTo("clerk");
        Invoice partly = scenario.invoice(second.getId());
        assertThat(partly.getOpenAmount()).isEqualByComparingTo("150.00");
        assertThat(partly.getStatus()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(customerCredits.availableFor(customer.getId())).containsEntry("EUR", new BigDecimal("200.00"));
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "customer", customer.getId().toString()))
                .anySatisfy(record -> {
                    assertThat(record.getAction()).isEqualTo("CUSTOMER_CREDIT_APPLIED");
                    assertThat(record.getActor()).isEqualTo("clerk");
                    assertThat(record.getDetails()).contains(second.getNumber()).contains("100.00 EUR");
                    assertThat(record.getReason()).isEqualTo("customer asked to offset");
                });
        assertThat(ledgerLines("customer-credit-" + part.body().path("id").asLong()))
                .containsExactlyInAnyOrder("2150 D 100.00", "1200 C 100.00");

        Api.Response rest = apply(customer, second, "150.00", "EUR", Map.of());

        assertThat(rest.status()).as(rest.body().toString()).isEqualTo(201);
        Invoice closed = scenario.invoice(second.getId());
        assertThat(closed.getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(closed.getOpenAmount()).isZero();
        assertThat(closed.getPaidOn()).isEqualTo(LocalDate.now(clock));
        // the invoice's collection process hears of it as of a payment, and ends
        engine.awaitCompleted(orders.get(second.getOrderId()).getProcessInstanceKey(), "EndEvent_InvoicePaid");
        Api.Response view = api.get("sales", "/api/customers/" + customer.getId());
        assertThat(view.body().path("availableCustomerCredit").path("EUR").decimalValue())
                .isEqualByComparingTo("50.00");
        Api.Response credit = api.get("collector", "/api/customers/" + customer.getId() + "/customer-credit");
        assertThat(credit.status()).isEqualTo(200);
        assertThat(credit.body().path("available").path("EUR").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(credit.body().path("uses")).hasSize(2);
    }

    @Test
    void aRefundPaysCreditOutOfTheBankAndTheStatementShowsIt() {
        Customer customer = customerWithCredit("300.00");

        Api.Response refund = refund(customer, "120.00", "EUR", "SEPA-TRF-0815", Map.of());

        assertThat(refund.status()).as(refund.body().toString()).isEqualTo(201);
        assertThat(refund.body().path("kind").asText()).isEqualTo("REFUND");
        assertThat(refund.body().path("bankReference").asText()).isEqualTo("SEPA-TRF-0815");
        assertThat(ledgerLines("customer-credit-" + refund.body().path("id").asLong()))
                .containsExactlyInAnyOrder("2150 D 120.00", "1000 C 120.00");
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "customer", customer.getId().toString()))
                .anySatisfy(record -> {
                    assertThat(record.getAction()).isEqualTo("CUSTOMER_CREDIT_REFUNDED");
                    assertThat(record.getDetails()).contains("SEPA-TRF-0815");
                });
        // invoiced 1000, paid 1000, credited 300 (owed back), 120 of it refunded: we owe the customer 180
        Api.Response statement = api.get("clerk", "/api/customers/" + customer.getId() + "/statement");
        assertThat(statement.body().path("closingBalance").decimalValue()).isEqualByComparingTo("-180.00");
        assertThat(statement.body().path("availableCustomerCredit").decimalValue())
                .isEqualByComparingTo("180.00");
        assertThat(statement.body().path("movements").findValuesAsText("kind")).contains("CUSTOMER_CREDIT_REFUND");

        Api.Response tooMuch = refund(customer, "180.01", "EUR", "SEPA-TRF-0816", Map.of());
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.field()).isEqualTo("amount");
        assertThat(refund(customer, "180.00", "EUR", "SEPA-TRF-0817", Map.of()).status())
                .isEqualTo(201);
        assertThat(customerCredits.availableFor(customer.getId())).containsEntry("EUR", new BigDecimal("0.00"));
    }

    @Test
    void badApplicationsAreRefusedNamingTheFieldAndWriteNothing() {
        Customer customer = customerWithCredit("100.00");
        Invoice open = scenario.invoiceFor(customer, "50.00");
        Customer other = scenario.customer("NET30", "20000", RiskClass.B);
        Invoice othersInvoice = scenario.invoiceFor(other, "500.00");
        Invoice paid = scenario.invoice(paidInvoiceOf(customer).getId());
        long usesBefore = usesOf(customer);

        assertRefused(apply(customer, open, "50.01", "EUR", Map.of()), "amount", "50.00");
        assertRefused(apply(customer, othersInvoice, "10.00", "EUR", Map.of()), "invoiceId", "another customer");
        assertRefused(apply(customer, open, "10.00", "USD", Map.of()), "currency", "EUR");
        assertRefused(apply(customer, paid, "10.00", "EUR", Map.of()), "invoiceId", "PAID");
        assertRefused(apply(customer, open, "1.001", "EUR", Map.of()), "amount", null);
        assertRefused(apply(customer, open, "0.00", "EUR", Map.of()), "amount", null);
        assertRefused(apply(customer, open, "10.00", "XAU", Map.of()), "currency", null);
        assertRefused(
                api.post(
                        "clerk",
                        "/api/customers/" + customer.getId() + "/credit-applications",
                        Map.of("amount", 10, "currency", "EUR")),
                "invoiceId",
                null);
        Api.Response unknownInvoice = api.post(
                "clerk",
                "/api/customers/" + customer.getId() + "/credit-applications",
                Map.of("invoiceId", Long.MAX_VALUE, "amount", 10, "currency", "EUR"));
        Api.Response unknownCustomer = api.post(
                "clerk",
                "/api/customers/" + Long.MAX_VALUE + "/credit-applications",
                Map.of("invoiceId", open.getId(), "amount", 10, "currency", "EUR"));
        assertThat(unknownInvoice.status()).isEqualTo(404);
        assertThat(unknownCustomer.status()).isEqualTo(404);
        // more than the credit: the other customer has none at all
        Invoice otherSecond = scenario.invoiceFor(other, "10.00");
        Api.Response noCredit = api.post(
                "clerk",
                "/api/customers/" + other.getId() + "/credit-applications",
                Map.of("invoiceId", otherSecond.getId(), "amount", 1, "currency", "EUR"));
        assertRefused(noCredit, "amount", "0");

        assertThat(usesOf(customer)).isEqualTo(usesBefore);
        assertThat(scenario.invoice(open.getId()).getOpenAmount()).isEqualByComparingTo("50.00");
        assertThat(customerCredits.availableFor(customer.getId())).containsEntry("EUR", new BigDecimal("100.00"));
    }

    @Test
    void badRefundsAreRefusedNamingTheField() {
        Customer customer = customerWithCredit("100.00");
        long usesBefore = usesOf(customer);

        assertRefused(refund(customer, "100.01", "EUR", "TRF-1", Map.of()), "amount", "100.00");
        assertRefused(refund(customer, "10.00", "CHF", "TRF-1", Map.of()), "amount", "CHF");
        assertRefused(refund(customer, "10.00", "EUR", " ", Map.of()), "bankReference", null);
        assertRefused(refund(customer, "10.00", "EUR", "r".repeat(141), Map.of()), "bankReference", null);
        assertRefused(refund(customer, "10.00", "EUR", "TRF\u00001", Map.of()), "bankReference", null);
        assertRefused(
                refund(customer, "10.00", "EUR", "TRF-1", Map.of("Idempotency-Key", " ")), "Idempotency-Key", null);
        assertThat(refund(Long.MAX_VALUE, "10.00", "EUR", "TRF-1").status()).isEqualTo(404);

        assertThat(usesOf(customer)).isEqualTo(usesBefore);
        assertThat(customerCredits.availableFor(customer.getId())).containsEntry("EUR", new BigDecimal("100.00"));
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswerAndADifferentAmountIsAConflict() {
        Customer customer = customerWithCredit("300.00");
        Invoice open = scenario.invoiceFor(customer, "250.00");
        Map<String, String> key = Map.of("Idempotency-Key", "apply-" + customer.getId());

        Api.Response first = apply(customer, open, "100.00", "EUR", key);
        Api.Response again = apply(customer, open, "100.00", "EUR", key);
        Api.Response changed = apply(customer, open, "90.00", "EUR", key);
        Map<String, String> refundKey = Map.of("Idempotency-Key", "refund-" + customer.getId());
        Api.Response refunded = refund(customer, "50.00", "EUR", "TRF-9", refundKey);
        Api.Response refundedAgain = refund(customer, "50.00", "EUR", "TRF-9", refundKey);
        Api.Response refundChanged = refund(customer, "50.00", "EUR", "TRF-10", refundKey);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("id").asLong())
                .isEqualTo(first.body().path("id").asLong());
        assertThat(changed.status()).isEqualTo(409);
        assertThat(refunded.status()).isEqualTo(201);
        assertThat(refundedAgain.status()).isEqualTo(200);
        assertThat(refundedAgain.body().path("id").asLong())
                .isEqualTo(refunded.body().path("id").asLong());
        assertThat(refundChanged.status()).isEqualTo(409);
        assertThat(scenario.invoice(open.getId()).getOpenAmount()).isEqualByComparingTo("150.00");
        assertThat(customerCredits.availableFor(customer.getId())).containsEntry("EUR", new BigDecimal("150.00"));
    }

    @Test
    void onlyArClerksUseCustomerCreditOthersGet403BeforeTheirInputIsRead() {
        Customer customer = customerWithCredit("100.00");

        for (String user : List.of("sales", "collector", "manager", "operator")) {
            Api.Response applied = api.post(
                    user,
                    "/api/customers/" + customer.getId() + "/credit-applications",
                    Map.of("invoiceId", -1, "amount", -5, "currency", "XAU"));
            Api.Response refunded = api.post(
                    user,
                    "/api/customers/" + customer.getId() + "/credit-refunds",
                    Map.of("amount", 10, "currency", "EUR", "bankReference", "TRF"));
            assertThat(applied.status()).as(user).isEqualTo(403);
            assertThat(applied.body().has("field")).isFalse();
            assertThat(applied.body().path("requiredGroups").toString()).contains("ar-clerks");
            assertThat(refunded.status()).as(user).isEqualTo(403);
        }
        assertThat(api.get("sales", "/api/customers/" + customer.getId() + "/customer-credit")
                        .status())
                .isEqualTo(403);
        assertThat(customerCredits.availableFor(customer.getId())).containsEntry("EUR", new BigDecimal("100.00"));
    }

    @Test
    void twoApplicationsRacingForTheSameCreditNeverOverdrawIt() throws Exception {
        Customer customer = customerWithCredit("100.00");
        Invoice first = scenario.invoiceFor(customer, "80.00");
        Invoice second = scenario.invoiceFor(customer, "80.00");
        CountDownLatch start = new CountDownLatch(1);
        List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (Invoice invoice : List.of(first, second)) {
                runs.add(pool.submit(() -> {
                    start.await();
                    try {
                        customerCredits.apply(
                                new CustomerCredits.Application(
                                        customer.getId(),
                                        invoice.getId(),
                                        new BigDecimal("60.00"),
                                        "EUR",
                                        "race",
                                        "race-" + invoice.getId()),
                                "clerk");
                        outcomes.add("applied");
                    } catch (InvalidInvoiceException e) {
                        outcomes.add("refused " + e.getMessage());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }

        assertThat(outcomes).hasSize(2).containsOnlyOnce("applied");
        assertThat(outcomes).anySatisfy(outcome -> assertThat(outcome).contains("available credit: 40.00"));
        assertThat(customerCredits.availableFor(customer.getId())).containsEntry("EUR", new BigDecimal("40.00"));
        BigDecimal open = scenario.invoice(first.getId())
                .getOpenAmount()
                .add(scenario.invoice(second.getId()).getOpenAmount());
        assertThat(open).isEqualByComparingTo("100.00");
    }

    /** A customer that paid an invoice of 1,000.00 and then got a credit note of {@code credit} on it: all credit. */
    private Customer customerWithCredit(String credit) {
        Customer customer = scenario.customer("NET30", "20000", RiskClass.B);
        Invoice invoice = scenario.invoiceFor(customer, "1000.00");
        payments.post(
                new PaymentService.NewPayment(
                        customer.getId(),
                        new BigDecimal("1000.00"),
                        "EUR",
                        invoice.getNumber(),
                        LocalDate.now(clock),
                        null,
                        List.of()),
                "clerk");
        Api.Response note = api.post(
                "clerk",
                "/api/invoices/" + invoice.getId() + "/credit-notes",
                Map.of("amount", new BigDecimal(credit), "reason", "goods returned after payment"));
        assertThat(note.status()).as(note.body().toString()).isEqualTo(201);
        assertThat(note.body().path("customerCreditAmount").decimalValue()).isEqualByComparingTo(credit);
        return customer;
    }

    private Invoice paidInvoiceOf(Customer customer) {
        return scenario.invoice(jdbc.queryForObject(
                "select min(id) from invoice where customer_id = ? and status = 'PAID'", Long.class, customer.getId()));
    }

    private Api.Response apply(
            Customer customer, Invoice invoice, String amount, String currency, Map<String, String> headers) {
        return api.post(
                "clerk",
                "/api/customers/" + customer.getId() + "/credit-applications",
                Map.of(
                        "invoiceId",
                        invoice.getId(),
                        "amount",
                        new BigDecimal(amount),
                        "currency",
                        currency,
                        "reason",
                        "customer asked to offset"),
                headers);
    }

    private Api.Response refund(
            Customer customer, String amount, String currency, String bankReference, Map<String, String> headers) {
        return api.post(
                "clerk",
                "/api/customers/" + customer.getId() + "/credit-refunds",
                Map.of("amount", new BigDecimal(amount), "currency", currency, "bankReference", bankReference),
                headers);
    }

    private Api.Response refund(long customerId, String amount, String currency, String bankReference) {
        return api.post(
                "clerk",
                "/api/customers/" + customerId + "/credit-refunds",
                Map.of("amount", new BigDecimal(amount), "currency", currency, "bankReference", bankReference));
    }

    private static void assertRefused(Api.Response response, String field, String detail) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.field()).as(response.body().toString()).isEqualTo(field);
        if (detail != null) {
            assertThat(response.body().path("detail").asText()).contains(detail);
        }
    }

    private long usesOf(Customer customer) {
        return customerCredits.usesOf(customer.getId()).size();
    }

    private List<String> ledgerLines(String idempotencyKey) {
        return jdbc.query(
                """
        select l.account_code, l.debit, l.credit from journal_line l join journal_entry e on e.id = l.entry_id
        where e.idempotency_key = ?""",
                (row, i) -> row.getString("account_code")
                        + (row.getBigDecimal("debit").signum() > 0
                                ? " D " + row.getBigDecimal("debit")
                                : " C " + row.getBigDecimal("credit")),
                idempotencyKey);
    }
}
