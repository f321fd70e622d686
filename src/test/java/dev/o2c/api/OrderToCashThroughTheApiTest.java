package dev.o2c.api;

import static dev.o2c.api.CustomerAndOrderApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.payments.PaymentRepository;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the README tells a new user to do, done over HTTP only. */
@IntegrationTest
class OrderToCashThroughTheApiTest {

    @Autowired
    Api api;

    @Autowired
    PaymentRepository payments;

    @Autowired
    LedgerInvariants ledger;

    @AfterEach
    void ledgerStillHolds() {
        ledger.assertHold();
    }

    @Test
    void aNewUserRunsAnOrderFromPlacementToCompleted() {
        long customerId = api.post(
                        "manager",
                        "/api/customers",
                        Map.of(
                                "name",
                                "Readme AG",
                                "email",
                                "ap@readme.example",
                                "currency",
                                "EUR",
                                "paymentTerms",
                                "NET30",
                                "creditLimit",
                                60000,
                                "riskClass",
                                "C"))
                .body()
                .path("id")
                .asLong();
        long orderId = api.post(
                        "sales",
                        "/api/orders",
                        Map.of(
                                "customerId",
                                customerId,
                                "lines",
                                List.of(Map.of(
                                        "sku", "PUMP-7", "description", "Pump", "quantity", 3, "unitPrice", 4000))))
                .body()
                .path("id")
                .asLong();

        JsonNode inReview = awaitOrder(orderId, "CREDIT_REVIEW");
        assertThat(inReview.path("creditDecision").path("outcome").asText()).isEqualTo("REVIEW");

        JsonNode task = await().atMost(Duration.ofSeconds(30)).until(() -> taskFor(orderId), found -> found != null);
        Api.Response details =
                api.get("analyst", "/api/tasks/" + task.path("id").asLong());
        assertThat(details.body().path("formSchema").path("id").asText()).isEqualTo("credit-review");
        assertThat(details.body().path("variables").path("orderAmount").decimalValue())
                .isEqualByComparingTo("12000");

        assertProblem(
                api.post(
                        "analyst",
                        "/api/tasks/" + task.path("id").asLong() + "/complete",
                        Map.of("variables", Map.of("reviewComment", "Fine by me"))),
                400,
                "reviewOutcome");
        assertProblem(
                api.post(
                        "collector",
                        "/api/tasks/" + task.path("id").asLong() + "/complete",
                        Map.of("variables", Map.of("reviewOutcome", "APPROVE", "reviewComment", "Fine"))),
                403,
                null);
        assertProblem(
                api.post(
                        "analyst",
                        "/api/tasks/" + task.path("id").asLong() + "/complete",
                        Map.of(
                                "variables",
                                Map.of("reviewOutcome", "APPROVE", "reviewComment", "Fine", "orderAmount", 1))),
                400,
                "orderAmount");
        assertThat(api.post(
                                "analyst",
                                "/api/tasks/" + task.path("id").asLong() + "/complete",
                                Map.of(
                                        "variables",
                                        Map.of("reviewOutcome", "APPROVE", "reviewComment", "Known customer")))
                        .status())
                .isEqualTo(200);

        awaitOrder(orderId, "APPROVED");
        assertThat(api.post("sales", "/api/orders/" + orderId + "/shipment", null)
                        .status())
                .isEqualTo(200);
        JsonNode invoiced = awaitOrder(orderId, "INVOICED");
        long invoiceId = invoiced.path("invoiceId").asLong();
        JsonNode invoice = api.get("clerk", "/api/invoices/" + invoiceId).body();
        assertThat(invoice.path("openAmount").decimalValue()).isEqualByComparingTo("12000");
        assertThat(invoice.path("status").asText()).isEqualTo("OPEN");
        assertThat(api.get("collector", "/api/invoices?customerId=" + customerId + "&status=OPEN")
                        .body())
                .hasSize(1);

        Map<String, Object> payment = Map.of(
                "customerId",
                customerId,
                "amount",
                12000,
                "currency",
                "EUR",
                "reference",
                invoice.path("number").asText(),
                "valueDate",
                invoice.path("issueDate").asText());
        long paymentsBefore = payments.count();
        Api.Response posted =
                api.post("clerk", "/api/payments", payment, Map.of("Idempotency-Key", "readme-" + orderId));
        Api.Response repeated =
                api.post("clerk", "/api/payments", payment, Map.of("Idempotency-Key", "readme-" + orderId));
        assertThat(posted.status()).isEqualTo(201);
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.body().path("id")).isEqualTo(posted.body().path("id"));
        assertThat(payments.count()).isEqualTo(paymentsBefore + 1);

        awaitOrder(orderId, "COMPLETED");
        JsonNode paid = api.get("clerk", "/api/invoices/" + invoiceId).body();
        assertThat(paid.path("status").asText()).isEqualTo("PAID");
        assertThat(paid.path("openAmount").decimalValue()).isZero();
        assertThat(api.get("sales", "/api/customers/" + customerId)
                        .body()
                        .path("exposure")
                        .decimalValue())
                .isZero();

        JsonNode trail = api.get("manager", "/api/audit?entityType=order&entityId=" + orderId)
                .body();
        assertThat(StreamSupport.stream(trail.spliterator(), false)
                        .map(record -> record.path("action").asText()))
                .containsSubsequence(
                        "ORDER_PLACED",
                        "CREDIT_DECISION_REVIEW",
                        "CREDIT_DECISION_APPROVE",
                        "CREDIT_RESERVED",
                        "ORDER_SHIPPED",
                        "ORDER_INVOICED",
                        "ORDER_COMPLETED");
        JsonNode approval = StreamSupport.stream(trail.spliterator(), false)
                .filter(record -> record.path("action").asText().equals("CREDIT_DECISION_APPROVE"))
                .findFirst()
                .orElseThrow();
        assertThat(approval.path("actor").asText()).isEqualTo("analyst");
        assertThat(approval.path("reason").asText()).isEqualTo("Known customer");
        assertProblem(api.get("sales", "/api/audit?entityType=order&entityId=" + orderId), 403, null);
        assertProblem(api.get("manager", "/api/audit?entityType=orders&entityId=1"), 400, "entityType");
    }

    @Test
    void aPaymentIdempotencyKeyCannotBeReusedForAnotherPayment() {
        long customerId = api.post(
                        "manager",
                        "/api/customers",
                        Map.of(
                                "name",
                                "Key Ltd",
                                "email",
                                "ap@key.example",
                                "currency",
                                "EUR",
                                "paymentTerms",
                                "NET30",
                                "creditLimit",
                                1000,
                                "riskClass",
                                "A"))
                .body()
                .path("id")
                .asLong();
        Map<String, Object> payment =
                Map.of("customerId", customerId, "amount", 10, "currency", "EUR", "valueDate", "2026-01-01");
        assertThat(api.post("clerk", "/api/payments", payment, Map.of("Idempotency-Key", "k-" + customerId))
                        .status())
                .isEqualTo(201);
        long count = payments.count();
        Map<String, Object> other =
                Map.of("customerId", customerId, "amount", 11, "currency", "EUR", "valueDate", "2026-01-01");
        assertProblem(
                api.post("clerk", "/api/payments", other, Map.of("Idempotency-Key", "k-" + customerId)), 409, null);
        assertProblem(
                api.post(
                        "clerk",
                        "/api/payments",
                        Map.of("customerId", customerId, "amount", 10, "currency", "USD", "valueDate", "2026-01-01")),
                400,
                "currency");
        assertProblem(
                api.post(
                        "clerk",
                        "/api/payments",
                        Map.of(
                                "customerId",
                                customerId,
                                "amount",
                                10.001,
                                "currency",
                                "EUR",
                                "valueDate",
                                "2026-01-01")),
                400,
                "amount");
        assertThat(payments.count()).isEqualTo(count);
        // with nothing open, the money stays on the customer as unapplied credit
        JsonNode unapplied = api.post("clerk", "/api/payments", payment).body();
        assertThat(unapplied.path("unappliedAmount").decimalValue()).isEqualByComparingTo("10");
    }

    @Test
    void operatorsMoveTheClockForward() {
        Instant before = Instant.parse(
                api.get("operator", "/api/engine/clock").body().path("now").asText());
        assertProblem(api.post("operator", "/api/engine/clock", Map.of("advance", "ten days")), 400, "advance");
        assertProblem(api.post("operator", "/api/engine/clock", Map.of("advance", "-P1D")), 400, "advance");
        Api.Response moved = api.post("operator", "/api/engine/clock", Map.of("advance", "PT2H"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(Instant.parse(moved.body().path("now").asText())).isAfterOrEqualTo(before.plus(Duration.ofHours(2)));
    }

    private JsonNode awaitOrder(long orderId, String status) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.get("sales", "/api/orders/" + orderId).body(),
                        order -> order.path("status").asText().equals(status));
    }

    private JsonNode taskFor(long orderId) {
        return StreamSupport.stream(api.get("analyst", "/api/tasks").body().spliterator(), false)
                .filter(task ->
                        ("ORDER-" + orderId).equals(task.path("businessKey").asText()))
                .findFirst()
                .orElse(null);
    }
}
