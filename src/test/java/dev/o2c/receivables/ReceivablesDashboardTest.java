package dev.o2c.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import dev.o2c.orders.SalesOrder;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ReceivablesDashboardTest {

    @Autowired
    Scenario scenario;

    @Autowired
    Api api;

    @Test
    void showsACustomersCreditUseItsHeldOrderAndTheOpenInvoiceInAging() {
        Customer customer = scenario.customer("1000");
        Invoice invoice = scenario.invoiceFor(customer, "400.00");
        SalesOrder held = scenario.order(customer, "900.00");
        scenario.awaitReview(held);

        JsonNode snapshot = api.get("clerk", "/api/dashboard").body();

        JsonNode use = find(snapshot.path("creditUse"), "customerId", customer.getId());
        assertThat(use.path("exposure").decimalValue()).isEqualByComparingTo(invoice.getTotalAmount());
        assertThat(use.path("utilisationPercent").decimalValue()).isEqualByComparingTo("40.0");
        JsonNode order = find(snapshot.path("ordersInReview"), "orderId", held.getId());
        assertThat(order.path("amount").decimalValue()).isEqualByComparingTo("900.00");
        JsonNode current = StreamSupport.stream(snapshot.path("aging").spliterator(), false)
                .filter(bucket -> bucket.path("bucket").asText().equals("current"))
                .findFirst()
                .orElseThrow();
        assertThat(current.path("amount").decimalValue()).isGreaterThanOrEqualTo(invoice.getTotalAmount());
        assertThat(snapshot.path("dso").path(0).path("days").asInt()).isEqualTo(90);
        assertThat(api.get("sales", "/api/dashboard").status()).isEqualTo(403);
    }

    private static JsonNode find(JsonNode array, String field, long value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(node -> node.path(field).asLong() == value)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + " " + value + " in " + array));
    }
}
