package dev.o2c.collections.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import dev.o2c.customers.RiskClass;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.payments.PaymentService;
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

/** Opening and reading disputes through the API: who may, what is refused, where a dispute shows. */
@IntegrationTest
class DisputeApiTest {

    @Autowired
    DisputeScenario disputes;

    @Autowired
    Disputes service;

    @Autowired
    Scenario scenario;

    @Autowired
    Api api;

    @Autowired
    PaymentService payments;

    @Autowired
    LedgerInvariants ledger;

    @Autowired
    Clock clock;

    @AfterEach
    void ledgerStillHolds() {
        ledger.assertHold();
    }

    @Test
    void aDisputeShowsOnTheInvoiceAndInTheDisputeListFilteredByStatusAndCustomer() {
        Customer customer = scenario.customer("NET30", "20000", RiskClass.B);
        Invoice invoice = scenario.invoiceFor(customer, "800.00");

        Api.Response opened = disputes.post("sales", invoice, "300.00", "PRICE", "Agreed price was 500");

        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.headers().getLocation())
                .hasPath("/api/disputes/" + opened.body().path("id").asLong());
        assertThat(opened.body().path("status").asText()).isEqualTo("OPEN");
        assertThat(opened.body().path("openedBy").asText()).isEqualTo("sales");
        assertThat(opened.body().path("processInstanceKey").asLong()).isPositive();
        long id = opened.body().path("id").asLong();

        Api.Response view = api.get("collector", "/api/invoices/" + invoice.getId());
        assertThat(view.body().path("disputedAmount").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(view.body().path("disputes").path(0).path("id").asLong()).isEqualTo(id);
        assertThat(view.body().path("disputes").path(0).path("reasonCode").asText())
                .isEqualTo("PRICE");

        Api.Response mine = api.get("clerk", "/api/disputes?status=OPEN&customerId=" + customer.getId());
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body())
                .singleElement()
                .satisfies(d -> assertThat(d.path("comment").asText()).isEqualTo("Agreed price was 500"));
        assertThat(api.get("clerk", "/api/disputes?status=REJECTED&customerId=" + customer.getId())
                        .body())
                .isEmpty();
        assertThat(api.get("manager", "/api/disputes/" + id)
                        .body()
                        .path("amount")
                        .decimalValue())
                .isEqualByComparingTo("300.00");
        assertThat(api.get("manager", "/api/disputes/0").status()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        Customer customer = scenario.customer("NET30", "20000", RiskClass.B);
        Invoice invoice = scenario.invoiceFor(customer, "500.00");

        assertRefused(disputes.post("collector", invoice, "500.01", "PRICE", null), "amount");
        assertRefused(disputes.post("collector", invoice, "0.001", "PRICE", null), "amount");
        assertRefused(disputes.post("collector", invoice, null, null, null), "reasonCode");
        assertRefused(disputes.post("collector", invoice, null, "TOO_EXPENSIVE", null), "reasonCode");
        assertRefused(disputes.post("collector", invoice, null, "OTHER", "x".repeat(1001)), "comment");
        assertThat(service.forInvoice(invoice.getId())).isEmpty();
        assertThat(disputes.post("collector", invoice, "0.00", "PRICE", null).status())
                .isEqualTo(400);
        assertThat(api.post("collector", "/api/invoices/0/disputes", Map.of("reasonCode", "PRICE"))
                        .status())
                .isEqualTo(404);

        assertThat(disputes.post("collector", invoice, "100.00", "PRICE", null).status())
                .isEqualTo(201);
        assertRefused(disputes.post("clerk", invoice, "50.00", "QUANTITY", "a second one"), "invoiceId");
        assertThat(service.forInvoice(invoice.getId())).hasSize(1);
    }

    @Test
    void aPaidInvoiceCannotBeDisputed() {
        Customer customer = scenario.customer("NET30", "20000", RiskClass.B);
        Invoice invoice = scenario.invoiceFor(customer, "120.00");
        payments.post(
                new PaymentService.NewPayment(
                        customer.getId(),
                        new BigDecimal("120.00"),
                        "EUR",
                        invoice.getNumber(),
                        LocalDate.now(clock),
                        null,
                        List.of()),
                "clerk");

        assertRefused(disputes.post("collector", invoice, null, "NOT_RECEIVED", null), "invoiceId");
        assertThat(service.forInvoice(invoice.getId())).isEmpty();
    }

    @Test
    void creditStaffMayNotOpenDisputesAndGet403BeforeTheirInputIsRead() {
        Invoice invoice = scenario.invoiceFor(scenario.customer("NET30", "20000", RiskClass.B), "100.00");

        Api.Response analyst = disputes.post("analyst", invoice, "-5", "NOPE", null);
        Api.Response modeler = api.get("modeler", "/api/disputes");

        assertThat(analyst.status()).isEqualTo(403);
        assertThat(analyst.body().path("requiredGroups").toString()).contains("collectors", "ar-clerks", "sales");
        assertThat(modeler.status()).isEqualTo(403);
        assertThat(service.forInvoice(invoice.getId())).isEmpty();
    }

    private static void assertRefused(Api.Response response, String field) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("field").asText())
                .as(response.body().toString())
                .isEqualTo(field);
    }
}
