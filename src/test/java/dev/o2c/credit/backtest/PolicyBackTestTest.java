package dev.o2c.credit.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o2c.customers.Customer;
import dev.o2c.customers.RiskClass;
import dev.o2c.orders.OrderService;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Policy back-test on the embedded engine and PostgreSQL: real decisions through the API, then the shipped table
 * (nothing changes), a stricter one (exactly the expected orders change), a table without an answer for some orders,
 * a changed scorecard, refusals of bad input, and 403 before any of it.
 */
@IntegrationTest
class PolicyBackTestTest {

    static final String PATH = "/api/credit/policy-backtests";

    @Autowired
    Api api;

    @Autowired
    Scenario scenario;

    @Autowired
    OrderService orders;

    @Autowired
    JdbcTemplate jdbc;

    /** Six decisions, newest last: 3,000 / 8,000 / 12,000 APPROVE, 12,000 class C REVIEW, 500 class D REJECT, 60,000 REVIEW. */
    private List<Long> sixDecisions() {
        Customer good = scenario.customer("NET30", "100000", RiskClass.B);
        Customer risky = scenario.customer("NET30", "50000", RiskClass.C);
        Customer prepayOnly = scenario.customer("NET30", "50000", RiskClass.D);
        List<Long> placed = new ArrayList<>();
        placed.add(place(good, "3000", OrderStatus.APPROVED));
        placed.add(place(good, "8000", OrderStatus.APPROVED));
        placed.add(place(good, "12000", OrderStatus.APPROVED));
        placed.add(place(risky, "12000", OrderStatus.CREDIT_REVIEW));
        placed.add(place(prepayOnly, "500", OrderStatus.REJECTED));
        placed.add(place(good, "60000", OrderStatus.CREDIT_REVIEW));
        return placed;
    }

    private long place(Customer customer, String amount, OrderStatus expected) {
        Api.Response response = api.post(
                "sales",
                "/api/orders",
                Map.of(
                        "customerId",
                        customer.getId(),
                        "lines",
                        List.of(Map.of(
                                "sku", "BT-1", "description", "Back-test", "quantity", 1, "unitPrice", amount))));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        long id = response.body().path("id").asLong();
        SalesOrder order = scenario.awaitStatus(orders.get(id), expected);
        assertThat(order.getStatus()).isEqualTo(expected);
        return id;
    }

    @Test
    void replaysTheLatestDecisionsOnAStricterTableAndOnTheShippedOne() throws Exception {
        List<Long> placed = sixDecisions();
        byte[] shipped = BackTestTables.shipped("credit-decision.dmn");

        Api.Response same = backTest("modeler", "credit-decision.dmn", shipped, 6);
        assertThat(same.status()).as(same.body().toString()).isEqualTo(200);
        assertThat(same.body().path("evaluated").asInt()).isEqualTo(6);
        assertThat(same.body().path("unchanged").asInt()).isEqualTo(6);
        assertThat(same.body().path("changed").asInt()).isZero();
        assertThat(same.body().path("changes")).isEmpty();
        assertThat(same.body().path("reviewsBefore").asInt())
                .isEqualTo(same.body().path("reviewsAfter").asInt());

        // a lower threshold for a credit manager's review: 5,000 instead of 50,000
        byte[] stricter = BackTestTables.stricterPolicy();
        Api.Response report = backTest("manager", "credit-decision.dmn", stricter, 6);
        assertThat(report.status()).as(report.body().toString()).isEqualTo(200);
        JsonNode body = report.body();
        assertThat(body.path("table").asText()).isEqualTo("credit-decision");
        assertThat(body.path("sha256").asText()).isEqualTo(sha256(stricter));
        assertThat(body.path("unchanged").asInt()).isEqualTo(4);
        assertThat(body.path("changed").asInt()).isEqualTo(2);
        assertThat(body.path("noResult").asInt()).isZero();
        assertThat(list(body.path("transitions")))
                .extracting(t -> t.path("from").asText(), t -> t.path("to").asText(), t -> t.path("count")
                        .asInt())
                .containsExactly(tuple("APPROVE", "REVIEW", 2));
        // newest first: the 12,000 order, then the 8,000 one
        assertThat(list(body.path("changes")))
                .extracting(
                        c -> c.path("orderId").asLong(),
                        c -> c.path("amount").decimalValue().intValue(),
                        c -> c.path("before").asText(),
                        c -> c.path("after").asText(),
                        c -> c.path("afterReason").asText(),
                        c -> c.path("afterReviewGroup").asText())
                .containsExactly(
                        tuple(
                                placed.get(2),
                                12000,
                                "APPROVE",
                                "REVIEW",
                                BackTestTables.STRICTER_REASON,
                                "credit-managers"),
                        tuple(
                                placed.get(1),
                                8000,
                                "APPROVE",
                                "REVIEW",
                                BackTestTables.STRICTER_REASON,
                                "credit-managers"));
        assertThat(body.path("changes").get(0).path("customerName").asText()).startsWith("Customer ");
        assertThat(body.path("reviewsBefore").asInt()).isEqualTo(2);
        assertThat(body.path("reviewsAfter").asInt()).isEqualTo(4);
        JsonNode eur = body.path("exposure").get(0);
        assertThat(eur.path("currency").asText()).isEqualTo("EUR");
        assertThat(eur.path("approvedBefore").decimalValue()).isEqualByComparingTo("23000");
        assertThat(eur.path("approvedAfter").decimalValue()).isEqualByComparingTo("3000");
        assertThat(eur.path("heldBefore").decimalValue()).isEqualByComparingTo("72500");
        assertThat(eur.path("heldAfter").decimalValue()).isEqualByComparingTo("92500");

        // the only write: who back-tested which file
        Map<String, Object> audit = jdbc.queryForMap(
                "select actor, details from audit_record where action = 'CREDIT_POLICY_BACKTEST' order by id desc limit 1");
        assertThat(audit.get("actor")).isEqualTo("manager");
        assertThat((String) audit.get("details")).contains(sha256(stricter), "2 changed");
        Api.Response trail = api.get("manager", "/api/audit?entityType=decision&entityId=credit-decision");
        assertThat(trail.status()).isEqualTo(200);
        assertThat(list(trail.body()))
                .anySatisfy(entry -> assertThat(entry.path("details").asText()).contains(sha256(stricter)));
        // nothing deployed, nothing decided: still six decisions for these orders, the orders as they were
        assertThat(jdbc.queryForObject(
                        "select count(*) from credit_decision where order_id between ? and ?",
                        Long.class,
                        placed.getFirst(),
                        placed.getLast()))
                .isEqualTo(6);
        assertThat(orders.get(placed.get(1)).getStatus()).isEqualTo(OrderStatus.APPROVED);
    }

    @Test
    void aTableWithoutAnAnswerReportsNoResultAndTheXmlMayBeTheBody() {
        sixDecisions();
        // one rule only: orders under 10,000 are approved; the three larger orders find no rule
        String partial = BackTestTables.minimalPolicy("credit-decision", "&lt; 10000");
        Api.Response report = api.exchange(
                "modeler", HttpMethod.POST, PATH + "?decisions=6", partial, Map.of("Content-Type", "application/xml"));
        assertThat(report.status()).as(report.body().toString()).isEqualTo(200);
        assertThat(report.body().path("file").asText()).isEqualTo("request body");
        assertThat(report.body().path("noResult").asInt()).isEqualTo(3);
        assertThat(list(report.body().path("changes")))
                .extracting(c -> c.path("amount").decimalValue().intValue(), c -> c.path("after")
                        .asText())
                .containsExactly(
                        tuple(60000, "NO_RESULT"),
                        tuple(500, "APPROVE"),
                        tuple(12000, "NO_RESULT"),
                        tuple(12000, "NO_RESULT"));
        assertThat(report.body().path("changes").get(0).path("afterReason").asText())
                .isEqualTo("no rule matched");
    }

    @Test
    void aChangedScorecardIsReplayedOnTheLatestScores() throws Exception {
        Customer customer = scenario.customer("NET30", "10000", RiskClass.B);
        Api.Response scored = api.post("analyst", "/api/customers/" + customer.getId() + "/score/recompute", null);
        assertThat(scored.status()).as(scored.body().toString()).isEqualTo(200);
        int score = scored.body().path("score").path("score").asInt();
        String riskClass = scored.body().path("score").path("riskClass").asText();
        byte[] shipped = BackTestTables.shipped("credit-score.dmn");

        Api.Response same = backTest("modeler", "credit-score.dmn", shipped, 1);
        assertThat(same.status()).as(same.body().toString()).isEqualTo(200);
        assertThat(same.body().path("table").asText()).isEqualTo("credit-score");
        assertThat(same.body().path("evaluated").asInt()).isEqualTo(1);
        assertThat(same.body().path("unchanged").asInt()).isEqualTo(1);

        // every band edge of class A one point lower than the score: this customer moves up to A
        String text = new String(shipped, StandardCharsets.UTF_8);
        byte[] generous = text.replace("<text>[75..100]</text>", "<text>[" + score + "..100]</text>")
                .replace("<text>[55..75[</text>", "<text>[55.." + score + "[</text>")
                .getBytes(StandardCharsets.UTF_8);
        Api.Response report = backTest("modeler", "credit-score.dmn", generous, 1);
        assertThat(report.status()).as(report.body().toString()).isEqualTo(200);
        assertThat(riskClass).isEqualTo("B");
        assertThat(list(report.body().path("changes")))
                .extracting(
                        c -> c.path("customerId").asLong(),
                        c -> c.path("scoreBefore").asInt(),
                        c -> c.path("scoreAfter").asInt(),
                        c -> c.path("riskClassBefore").asText(),
                        c -> c.path("riskClassAfter").asText())
                .containsExactly(tuple(customer.getId(), score, score, "B", "A"));
        assertThat(list(report.body().path("riskClassTransitions")))
                .extracting(t -> t.path("from").asText() + "->" + t.path("to").asText())
                .containsExactly("B->A");
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        byte[] shipped = BackTestTables.shipped("credit-decision.dmn");
        assertRefused(backTest("modeler", "x.dmn", "<definitions><decision".getBytes(), 5), 400, "file", "well-formed");
        assertRefused(
                backTest("modeler", "order-to-cash.bpmn", BackTestTables.shipped("order-to-cash.bpmn"), 5),
                400,
                "file",
                "not a DMN");
        assertRefused(
                backTest(
                        "modeler",
                        "other.dmn",
                        BackTestTables.minimalPolicy("other-decision", "-").getBytes(),
                        5),
                400,
                "file",
                "neither decision 'credit-decision'");
        assertRefused(
                backTest(
                        "modeler",
                        "x.dmn",
                        ("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                                        + "<definitions>&e;</definitions>")
                                .getBytes(),
                        5),
                400,
                "file",
                "DOCTYPE");
        assertRefused(
                backTest(
                        "modeler",
                        "broken.dmn",
                        BackTestTables.minimalPolicy("credit-decision", "&gt; &gt; 3")
                                .getBytes(),
                        5),
                400,
                "file",
                "refused by the DMN engine");
        byte[] huge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertRefused(backTest("modeler", "huge.dmn", huge, 5), 413, "file", "larger than");
        assertRefused(backTest("modeler", "credit-decision.dmn", shipped, 0), 400, "decisions", "between 1 and 5000");
        assertRefused(
                backTest("modeler", "credit-decision.dmn", shipped, 5001), 400, "decisions", "between 1 and 5000");
        Api.Response notANumber =
                api.upload("modeler", PATH + "?decisions=many", Map.of("credit-decision.dmn", shipped));
        assertRefused(notANumber, 400, "decisions", "not a valid value");
    }

    @Test
    void onlyBusinessAnalystsAndCreditManagersMayBackTestEvenWithBadInput() throws Exception {
        byte[] shipped = BackTestTables.shipped("credit-decision.dmn");
        for (String user : List.of("sales", "analyst", "clerk")) {
            Api.Response refused = backTest(user, "credit-decision.dmn", shipped, 5);
            assertThat(refused.status()).as(user).isEqualTo(403);
            Api.Response refusedBadInput = backTest(user, "x.dmn", "not xml".getBytes(), 0);
            assertThat(refusedBadInput.status()).as(user).isEqualTo(403);
            assertThat(refusedBadInput.body().path("field").isMissingNode()).isTrue();
        }
        Long audited = jdbc.queryForObject(
                "select count(*) from audit_record where action = 'CREDIT_POLICY_BACKTEST' and actor in ('sales', 'analyst', 'clerk')",
                Long.class);
        assertThat(audited).isZero();
    }

    private Api.Response backTest(String user, String name, byte[] content, int decisions) {
        return api.upload(user, PATH + "?decisions=" + decisions, Map.of(name, content));
    }

    private static void assertRefused(Api.Response response, int status, String field, String message) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.field()).isEqualTo(field);
        assertThat(response.body().path("detail").asText()).contains(message);
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
