package dev.o2c.collections.disputes;

import static dev.o2c.collections.disputes.DisputeScenario.RESOLVE;
import static dev.o2c.collections.disputes.DisputeScenario.SALES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o2c.billing.Invoice;
import dev.o2c.collections.disputes.UnresolvedDisputeFigure.Age;
import dev.o2c.customers.Customer;
import dev.o2c.customers.RiskClass;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import dev.o2c.tasks.TaskInbox;
import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An unresolved dispute shows on the customer (the collector's whole picture, GET /api/collections/customers/{id}) and
 * on the receivables dashboard (GET /api/dashboard: number and amount by currency, status and age); once resolved it
 * leaves both.
 */
@IntegrationTest
class UnresolvedDisputesViewTest {

    @Autowired
    DisputeScenario disputes;

    @Autowired
    Disputes service;

    @Autowired
    Scenario scenario;

    @Autowired
    TaskInbox inbox;

    @Autowired
    Api api;

    @Test
    void theCustomerAndTheDashboardShowUnresolvedDisputesUntilTheyAreResolved() {
        Customer customer = scenario.customer("NET30", "20000", RiskClass.B);
        Invoice priced = scenario.invoiceFor(customer, "1000.00");
        Invoice counted = scenario.invoiceFor(customer, "600.00");
        scenario.invoiceFor(customer, "200.00"); // not disputed
        Figure open = figure("OPEN");
        Figure escalated = figure("ESCALATED");

        Dispute price = disputes.open(priced, "300.00", "PRICE");
        Dispute quantity = disputes.open(counted, null, "QUANTITY");

        JsonNode onCustomer = customerCase(customer);
        assertThat(onCustomer.path("count").asInt()).isEqualTo(2);
        assertThat(onCustomer.path("amount").decimalValue()).isEqualByComparingTo("900.00");
        assertThat(onCustomer.path("currency").asText()).isEqualTo("EUR");
        assertThat(onCustomer.path("items").findValuesAsText("id"))
                .containsExactly(price.getId().toString(), quantity.getId().toString());
        assertThat(onCustomer.path("items").findValuesAsText("invoiceNumber"))
                .containsExactly(priced.getNumber(), counted.getNumber());
        assertThat(figure("OPEN").minus(open)).isEqualTo(new Figure(2, new BigDecimal("900.00")));

        // credit managers took one over: it counts as escalated now
        service.escalate(quantity.getId());
        assertThat(figure("OPEN").minus(open)).isEqualTo(new Figure(1, new BigDecimal("300.00")));
        assertThat(figure("ESCALATED").minus(escalated)).isEqualTo(new Figure(1, new BigDecimal("600.00")));
        assertThat(customerCase(customer).path("items").findValuesAsText("status"))
                .containsExactly("OPEN", "ESCALATED");

        // resolved: gone from both
        inbox.complete(
                disputes.awaitTask(price, RESOLVE).getJobKey(),
                Map.of("disputeOutcome", "REJECT", "rejectionReason", "The agreed price list applies"),
                SALES);
        disputes.awaitStatus(price, DisputeStatus.REJECTED);
        JsonNode after = customerCase(customer);
        assertThat(after.path("count").asInt()).isEqualTo(1);
        assertThat(after.path("amount").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(figure("OPEN").minus(open)).isEqualTo(new Figure(0, BigDecimal.ZERO));
        assertThat(api.get("sales", "/api/dashboard").status()).isEqualTo(403);
    }

    @Test
    void theAgeIsCountedInDaysSinceTheDisputeWasOpened() {
        assertThat(Age.of(0)).isEqualTo(Age.DAYS_0_7);
        assertThat(Age.of(7)).isEqualTo(Age.DAYS_0_7);
        assertThat(Age.of(8)).isEqualTo(Age.DAYS_8_30);
        assertThat(Age.of(30)).isEqualTo(Age.DAYS_8_30);
        assertThat(Age.of(31)).isEqualTo(Age.DAYS_31_90);
        assertThat(Age.of(90)).isEqualTo(Age.DAYS_31_90);
        assertThat(Age.of(91)).isEqualTo(Age.DAYS_OVER_90);
    }

    record Figure(int disputes, BigDecimal amount) {
        Figure minus(Figure before) {
            return new Figure(
                    disputes - before.disputes, amount.subtract(before.amount).stripTrailingZeros());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Figure figure
                    && disputes == figure.disputes
                    && amount.compareTo(figure.amount) == 0;
        }

        @Override
        public int hashCode() {
            return disputes;
        }
    }

    /** The dashboard's EUR disputes of this status opened within the last 7 days (today's disputes are there). */
    private Figure figure(String status) {
        JsonNode snapshot = api.get("clerk", "/api/dashboard").body();
        return StreamSupport.stream(snapshot.path("disputes").spliterator(), false)
                .filter(row -> row.path("currency").asText().equals("EUR")
                        && row.path("status").asText().equals(status)
                        && row.path("age").asText().equals("0-7"))
                .findFirst()
                .map(row -> new Figure(
                        row.path("disputes").asInt(), row.path("amount").decimalValue()))
                .orElse(new Figure(0, BigDecimal.ZERO));
    }

    private JsonNode customerCase(Customer customer) {
        Api.Response response = api.get("collector", "/api/collections/customers/" + customer.getId());
        assertThat(response.status()).isEqualTo(200);
        return response.body().path("disputes");
    }
}
