package dev.o2c.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.customers.CustomerRepository;
import dev.o2c.orders.SalesOrderRepository;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CustomerAndOrderApiTest {

    @Autowired
    Api api;

    @Autowired
    CustomerRepository customers;

    @Autowired
    SalesOrderRepository orders;

    static Map<String, Object> customer(String currency, String terms) {
        return Map.of(
                "name",
                "Api Customer",
                "email",
                "ap@api.example",
                "currency",
                currency,
                "paymentTerms",
                terms,
                "creditLimit",
                5000,
                "riskClass",
                "B");
    }

    @Test
    void createsACustomerAndShowsItsCreditPosition() {
        Api.Response created = api.post("manager", "/api/customers", customer("EUR", "2/10 NET30"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        assertThat(created.headers().getLocation()).hasToString("/api/customers/" + id);

        Api.Response view = api.get("analyst", "/api/customers/" + id);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.body().path("availableCredit").decimalValue()).isEqualByComparingTo("5000");
        assertThat(view.body().path("exposure").decimalValue()).isZero();
        assertThat(view.body().path("onCreditHold").asBoolean()).isFalse();
        assertThat(view.body().path("paymentTerms").asText()).isEqualTo("2/10 NET30");
    }

    @Test
    void salesProposesALimitAndCreditStaffSetIt() {
        long before = customers.count();
        Api.Response refused = api.post("sales", "/api/customers", customer("EUR", "NET30"));
        assertProblem(refused, 403, null);
        assertThat(refused.body().path("requiredGroups").toString()).contains("credit-managers");
        assertProblem(api.post("analyst", "/api/customers", customer("EUR", "NET30")), 403, null);
        assertThat(customers.count()).isEqualTo(before);

        Api.Response created = api.post(
                "sales",
                "/api/customers",
                Map.of(
                        "name",
                        "Proposed Ltd",
                        "email",
                        "ap@proposed.example",
                        "currency",
                        "EUR",
                        "paymentTerms",
                        "NET30",
                        "proposedCreditLimit",
                        25000));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("creditLimit").decimalValue()).isZero();
        assertThat(created.body().path("riskClass").asText()).isEqualTo("C");
        assertThat(created.body().path("proposedCreditLimit").decimalValue()).isEqualByComparingTo("25000");
        long id = created.body().path("id").asLong();

        assertProblem(
                api.exchange(
                        "sales",
                        org.springframework.http.HttpMethod.PUT,
                        "/api/customers/" + id + "/risk-class",
                        Map.of("riskClass", "A", "reason", "trust me"),
                        Map.of()),
                403,
                null);
        Api.Response classed = api.exchange(
                "analyst",
                org.springframework.http.HttpMethod.PUT,
                "/api/customers/" + id + "/risk-class",
                Map.of("riskClass", "B", "reason", "Bureau report and references checked"),
                Map.of());
        assertThat(classed.status()).isEqualTo(200);
        assertThat(classed.body().path("riskClass").asText()).isEqualTo("B");
    }

    @Test
    void badCustomerInputIsRefusedNamingTheFieldAndNothingIsCreated() {
        long before = customers.count();
        assertProblem(api.post("manager", "/api/customers", customer("EURO", "NET30")), 400, "currency");
        assertProblem(api.post("manager", "/api/customers", customer("XXY", "NET30")), 400, "currency");
        for (String notForTrading : List.of("XXX", "XAU", "XTS")) {
            assertProblem(api.post("manager", "/api/customers", customer(notForTrading, "NET30")), 400, "currency");
        }
        Map<String, Object> badIban = new java.util.HashMap<>(customer("EUR", "NET30"));
        badIban.put("iban", "DE89370400440532013001");
        assertProblem(api.post("manager", "/api/customers", badIban), 400, "iban");
        Map<String, Object> nul = new java.util.HashMap<>(customer("EUR", "NET30"));
        nul.put("name", "Acme\u0000 GmbH");
        assertProblem(api.post("manager", "/api/customers", nul), 400, "name");
        assertProblem(api.post("manager", "/api/customers", customer("EUR", "thirty days")), 400, "paymentTerms");
        Map<String, Object> negative = new java.util.HashMap<>(customer("EUR", "NET30"));
        negative.put("creditLimit", -1);
        assertProblem(api.post("manager", "/api/customers", negative), 400, "creditLimit");
        Map<String, Object> badRisk = new java.util.HashMap<>(customer("EUR", "NET30"));
        badRisk.put("riskClass", "Z");
        assertProblem(api.post("manager", "/api/customers", badRisk), 400, "riskClass");
        assertProblem(
                api.post("manager", "/api/customers", "{\"name\": \"x\", \"creditLimit\": \"lots\"}"),
                400,
                "creditLimit");
        assertThat(customers.count()).isEqualTo(before);
    }

    @Test
    void badOrdersAreRefusedNamingTheFieldAndNothingIsPlaced() {
        long customerId = api.post("manager", "/api/customers", customer("EUR", "NET30"))
                .body()
                .path("id")
                .asLong();
        long before = orders.count();

        assertProblem(
                api.post("sales", "/api/orders", Map.of("customerId", customerId, "lines", List.of())), 400, "lines");
        assertProblem(
                api.post(
                        "sales",
                        "/api/orders",
                        Map.of(
                                "customerId",
                                customerId,
                                "lines",
                                List.of(Map.of("sku", "A", "description", "Thing", "quantity", -2, "unitPrice", 10)))),
                400,
                "lines[0].quantity");
        assertProblem(
                api.post(
                        "sales",
                        "/api/orders",
                        Map.of(
                                "customerId",
                                987654321,
                                "lines",
                                List.of(Map.of("sku", "A", "description", "Thing", "quantity", 1, "unitPrice", 10)))),
                400,
                "customerId");
        assertProblem(
                api.post(
                        "sales",
                        "/api/orders",
                        Map.of(
                                "customerId",
                                customerId,
                                "lines",
                                List.of(Map.of("sku", "A", "description", "Thing", "quantity", 1, "unitPrice", 0)))),
                400,
                "lines");

        assertThat(orders.count()).isEqualTo(before);
    }

    @Test
    void eachEndpointAllowsOnlyItsRoles() {
        assertProblem(api.post(null, "/api/customers", customer("EUR", "NET30")), 401, null);
        assertProblem(api.post("collector", "/api/customers", customer("EUR", "NET30")), 403, null);
        assertProblem(
                api.post(
                        "analyst",
                        "/api/orders",
                        Map.of(
                                "customerId",
                                1,
                                "lines",
                                List.of(Map.of("sku", "A", "description", "Thing", "quantity", 1, "unitPrice", 10)))),
                403,
                null);
        assertProblem(
                api.post(
                        "sales",
                        "/api/payments",
                        Map.of("customerId", 1, "amount", 1, "currency", "EUR", "valueDate", "2026-01-01")),
                403,
                null);
        assertProblem(api.post("sales", "/api/engine/clock", Map.of("advance", "P1D")), 403, null);
        assertThat(api.get("wrong", "/api/customers").status()).isEqualTo(401);
    }

    @Test
    void unknownThingsAreNotFound() {
        assertProblem(api.get("sales", "/api/orders/99999999"), 404, null);
        assertProblem(api.get("clerk", "/api/invoices/99999999"), 404, null);
        assertProblem(api.get("sales", "/api/customers/abc"), 400, "id");
    }

    static void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.field()).as(response.body().toString()).isEqualTo(field);
            assertThat(response.body().path("errors").toString()).contains(field);
        }
    }
}
