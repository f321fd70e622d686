package dev.o2c.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o2c.bankstatements.CamtWriter;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.platform.security.AccessRules;
import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.UserProperties;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.HumanTaskRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The API probed as a careless user and as an attacker would: every endpoint by every user with a body that is not
 * what it expects, values that do not fit, and task answers of the wrong type. Nothing may answer 5xx, a caller
 * without the group gets 403 before any field is looked at, bad input is a 400 problem naming the field, and nothing
 * is written by a refused request.
 */
@IntegrationTest
class HostileInputTest {

    private static final String UNKNOWN_ID = "987654321";
    private static final List<String> USERS =
            List.of("sales", "analyst", "manager", "collector", "clerk", "operator", "modeler", "warehouse", "admin");

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserProperties users;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    HumanTaskRepository tasks;

    @Autowired
    Scenario scenario;

    @Autowired
    LedgerInvariants ledger;

    @Autowired
    Clock clock;

    @AfterEach
    void ledgerStillHolds() {
        ledger.assertHold();
    }

    record Endpoint(HttpMethod method, String path, String contentType, List<String> allowed) {}

    /** Every /api handler, with its path variables filled with an id nothing has. */
    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            if (!AccessRules.isOwn(entry.getValue())) {
                continue; // the OpenAPI document: any signed-in user, covered by ApiDocumentationTest
            }
            List<String> allowed = AccessRules.groupsFor(entry.getValue());
            String contentType = info.getConsumesCondition().getConsumableMediaTypes().stream()
                    .findFirst()
                    .map(MediaType::toString)
                    .orElse(MediaType.APPLICATION_JSON_VALUE);
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (var method : info.getMethodsCondition().getMethods()) {
                    endpoints.add(new Endpoint(
                            HttpMethod.valueOf(method.name()),
                            pattern.replaceAll("\\{[^}]+}", UNKNOWN_ID),
                            contentType,
                            allowed));
                }
            }
        }
        return endpoints;
    }

    @Test
    void everyEndpointByEveryUserAnswersWithoutServerErrorAndRefusesOtherGroupsBeforeReadingTheBody() {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThan(25);
        Map<String, Long> before = rowCounts();
        List<String> failures = new ArrayList<>();
        String garbage = "{\"lines\": [null], \"amount\": 1e400, \"name\": \"\\u0000\", \"unexpected\": {\"x\": [1]}}";
        for (Endpoint endpoint : endpoints) {
            assertThat(endpoint.allowed()).as("access rule of " + endpoint).isNotEmpty();
            int anonymous = send(null, endpoint, garbage).status();
            if (anonymous != 401) {
                failures.add("anonymous " + endpoint + " -> " + anonymous);
            }
            for (String user : USERS) {
                Api.Response response = send(user, endpoint, garbage);
                boolean allowed = endpoint.allowed().contains(Allowed.ANY_USER)
                        || users.getUsers().get(user).getGroups().stream().anyMatch(endpoint.allowed()::contains);
                if (response.status() >= 500) {
                    failures.add(user + " " + endpoint + " -> " + response.status() + " " + response.body());
                } else if (!allowed
                        && (response.status() != 403
                                || response.body().has("errors")
                                || response.body().has("field"))) {
                    failures.add(
                            user + " (not allowed) " + endpoint + " -> " + response.status() + " " + response.body());
                } else if (response.status() >= 400 && !response.contentType().startsWith("application/problem+json")) {
                    failures.add(user + " " + endpoint + " -> " + response.status() + " as " + response.contentType());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(rowCounts()).isEqualTo(before);
    }

    private Api.Response send(String user, Endpoint endpoint, String body) {
        boolean withBody = endpoint.method() == HttpMethod.POST || endpoint.method() == HttpMethod.PUT;
        return api.exchange(
                user,
                endpoint.method(),
                endpoint.path(),
                withBody ? body : null,
                Map.of(HttpHeaders.CONTENT_TYPE, endpoint.contentType()));
    }

    record Bad(String user, HttpMethod method, String path, Object body, String field) {}

    @Test
    void badValuesAreRefusedNamingTheFieldAndWriteNothing() {
        long customer = createdCustomer("EUR");
        long yen = createdCustomer("JPY");
        String today = LocalDate.now(clock).toString();
        List<Bad> cases = List.of(
                new Bad("manager", HttpMethod.POST, "/api/customers", customer(Map.of("name", "Acme\u0000")), "name"),
                new Bad(
                        "manager",
                        HttpMethod.POST,
                        "/api/customers",
                        customer(Map.of("email", "a\u0000@b.example")),
                        "email"),
                new Bad(
                        "manager",
                        HttpMethod.POST,
                        "/api/customers",
                        customer(Map.of("name", "n".repeat(201))),
                        "name"),
                new Bad(
                        "manager",
                        HttpMethod.POST,
                        "/api/customers",
                        customer(Map.of("creditLimit", new java.math.BigDecimal("999999999999999999999.99"))),
                        "creditLimit"),
                new Bad(
                        "manager",
                        HttpMethod.POST,
                        "/api/customers",
                        customer(Map.of("creditLimit", -5)),
                        "creditLimit"),
                new Bad("manager", HttpMethod.POST, "/api/customers", customer(Map.of("currency", "XXX")), "currency"),
                new Bad("manager", HttpMethod.POST, "/api/customers", customer(Map.of("currency", "XAU")), "currency"),
                new Bad("manager", HttpMethod.POST, "/api/customers", customer(Map.of("currency", "XTS")), "currency"),
                new Bad(
                        "manager",
                        HttpMethod.POST,
                        "/api/customers",
                        customer(Map.of("currency", "JPY", "creditLimit", new java.math.BigDecimal("1000.5"))),
                        "creditLimit"),
                new Bad(
                        "manager",
                        HttpMethod.POST,
                        "/api/customers",
                        customer(Map.of("iban", "DE89370400440532013001")),
                        "iban"),
                new Bad("manager", HttpMethod.POST, "/api/customers", customer(Map.of("riskClass", "E")), "riskClass"),
                new Bad(
                        "manager",
                        HttpMethod.POST,
                        "/api/customers",
                        customer(Map.of("paymentTerms", "p".repeat(41))),
                        "paymentTerms"),
                new Bad(
                        "sales",
                        HttpMethod.POST,
                        "/api/orders",
                        "{\"customerId\": " + customer + ", \"lines\": [null]}",
                        "lines[0]"),
                new Bad(
                        "sales",
                        HttpMethod.POST,
                        "/api/orders",
                        order(
                                customer,
                                Map.of("quantity", 1, "unitPrice", new java.math.BigDecimal("9999999999999999999"))),
                        "lines[0].unitPrice"),
                new Bad(
                        "sales",
                        HttpMethod.POST,
                        "/api/orders",
                        order(
                                customer,
                                Map.of(
                                        "quantity",
                                        new java.math.BigDecimal("999999999999"),
                                        "unitPrice",
                                        new java.math.BigDecimal("999999999999999"))),
                        "lines[0]"),
                new Bad(
                        "sales",
                        HttpMethod.POST,
                        "/api/orders",
                        order(customer, Map.of("sku", "A\u0000B")),
                        "lines[0].sku"),
                new Bad("sales", HttpMethod.POST, "/api/orders", order(-1, Map.of()), "customerId"),
                new Bad(
                        "sales",
                        HttpMethod.POST,
                        "/api/orders",
                        order(Long.parseLong(UNKNOWN_ID), Map.of()),
                        "customerId"),
                new Bad(
                        "sales",
                        HttpMethod.POST,
                        "/api/orders",
                        "{\"customerId\": \"abc\", \"lines\": []}",
                        "customerId"),
                new Bad(
                        "clerk",
                        HttpMethod.POST,
                        "/api/payments",
                        payment(customer, Map.of("amount", new java.math.BigDecimal("1000000000000000000"))),
                        "amount"),
                new Bad(
                        "clerk",
                        HttpMethod.POST,
                        "/api/payments",
                        payment(customer, Map.of("amount", new java.math.BigDecimal("1.001"))),
                        "amount"),
                new Bad(
                        "clerk",
                        HttpMethod.POST,
                        "/api/payments",
                        payment(yen, Map.of("currency", "JPY", "amount", new java.math.BigDecimal("1.5"))),
                        "amount"),
                new Bad(
                        "clerk",
                        HttpMethod.POST,
                        "/api/payments",
                        payment(customer, Map.of("currency", "XAU")),
                        "currency"),
                new Bad(
                        "clerk",
                        HttpMethod.POST,
                        "/api/payments",
                        payment(customer, Map.of("currency", "USD")),
                        "currency"),
                new Bad(
                        "clerk",
                        HttpMethod.POST,
                        "/api/payments",
                        payment(customer, Map.of("valueDate", "99999-01-01")),
                        "valueDate"),
                new Bad(
                        "clerk",
                        HttpMethod.POST,
                        "/api/payments",
                        payment(customer, Map.of("valueDate", "+99999-01-01")),
                        "valueDate"),
                new Bad(
                        "clerk",
                        HttpMethod.POST,
                        "/api/payments",
                        payment(customer, Map.of("valueDate", "2062-11-23")),
                        "valueDate"),
                new Bad(
                        "clerk",
                        HttpMethod.POST,
                        "/api/payments",
                        payment(customer, Map.of("reference", "R\u0000F")),
                        "reference"),
                new Bad(
                        "clerk",
                        HttpMethod.POST,
                        "/api/payments",
                        payment(customer, Map.of("reference", "r".repeat(141))),
                        "reference"),
                new Bad(
                        "clerk",
                        HttpMethod.POST,
                        "/api/payments",
                        payment(Long.parseLong(UNKNOWN_ID), Map.of()),
                        "customerId"),
                new Bad(
                        "manager",
                        HttpMethod.PUT,
                        "/api/customers/" + customer + "/credit-limit",
                        Map.of("creditLimit", new java.math.BigDecimal("1e20"), "reason", "more"),
                        "creditLimit"),
                new Bad(
                        "manager",
                        HttpMethod.PUT,
                        "/api/customers/" + customer + "/credit-limit",
                        Map.of("creditLimit", 100, "reason", "r\u0000"),
                        "reason"),
                new Bad(
                        "sales",
                        HttpMethod.POST,
                        "/api/customers/" + customer + "/limit-requests",
                        Map.of("amount", new java.math.BigDecimal("1e20"), "currency", "EUR", "reason", "more"),
                        "amount"),
                new Bad(
                        "sales",
                        HttpMethod.POST,
                        "/api/customers/" + customer + "/limit-requests",
                        Map.of("amount", 20000, "currency", "EUR", "reason", "r\u0000"),
                        "reason"),
                new Bad(
                        "sales",
                        HttpMethod.POST,
                        "/api/customers/" + yen + "/limit-requests",
                        Map.of("amount", new java.math.BigDecimal("20000.5"), "currency", "JPY", "reason", "more"),
                        "amount"),
                new Bad(
                        "sales",
                        HttpMethod.POST,
                        "/api/customers/" + customer + "/limit-requests",
                        Map.of("amount", 20000, "currency", "JPY", "reason", "more"),
                        "currency"),
                new Bad(
                        "clerk",
                        HttpMethod.POST,
                        "/api/customers/" + customer + "/credit-applications",
                        creditUse(Map.of("invoiceId", 1, "amount", new java.math.BigDecimal("1.001"))),
                        "amount"),
                new Bad(
                        "clerk",
                        HttpMethod.POST,
                        "/api/customers/" + customer + "/credit-applications",
                        creditUse(Map.of("invoiceId", 1, "currency", "XAU")),
                        "currency"),
                new Bad(
                        "clerk",
                        HttpMethod.POST,
                        "/api/customers/" + customer + "/credit-applications",
                        creditUse(Map.of("invoiceId", "abc")),
                        "invoiceId"),
                new Bad(
                        "clerk",
                        HttpMethod.POST,
                        "/api/customers/" + customer + "/credit-applications",
                        creditUse(Map.of("invoiceId", 1, "reason", "r\u0000")),
                        "reason"),
                new Bad(
                        "clerk",
                        HttpMethod.POST,
                        "/api/customers/" + customer + "/credit-refunds",
                        creditUse(Map.of("bankReference", "TRF-1", "amount", new java.math.BigDecimal("1e20"))),
                        "amount"),
                new Bad(
                        "clerk",
                        HttpMethod.POST,
                        "/api/customers/" + customer + "/credit-refunds",
                        creditUse(Map.of("bankReference", "r".repeat(141))),
                        "bankReference"),
                new Bad(
                        "clerk",
                        HttpMethod.POST,
                        "/api/customers/" + customer + "/credit-refunds",
                        creditUse(Map.of("bankReference", "TRF\u00001")),
                        "bankReference"),
                new Bad(
                        "clerk",
                        HttpMethod.POST,
                        "/api/customers/" + yen + "/credit-refunds",
                        creditUse(Map.of(
                                "bankReference",
                                "TRF-1",
                                "currency",
                                "JPY",
                                "amount",
                                new java.math.BigDecimal("1.5"))),
                        "amount"),
                new Bad(
                        "clerk",
                        HttpMethod.POST,
                        "/api/customers/" + customer + "/credit-refunds",
                        creditUse(Map.of("bankReference", "TRF-1")),
                        "amount"),
                new Bad("operator", HttpMethod.GET, "/api/console/instances?q=%00", null, "q"));
        Map<String, Long> before = rowCounts();
        List<String> failures = new ArrayList<>();
        for (Bad bad : cases) {
            Api.Response response = api.exchange(bad.user(), bad.method(), bad.path(), bad.body(), Map.of());
            if (response.status() != 400
                    || !response.contentType().startsWith("application/problem+json")
                    || !bad.field().equals(response.field())) {
                failures.add(bad.method() + " " + bad.path() + " " + bad.body() + " -> " + response.status() + " "
                        + response.body());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(today).isNotBlank();
    }

    @Test
    void aRepeatedIdempotencyKeyReplaysOnlyTheSameRequestOfTheSameCaller() {
        long customer = createdCustomer("EUR");
        String key = "pay-" + UUID.randomUUID();
        Map<String, Object> first = payment(customer, Map.of("amount", 12, "reference", "first"));
        Api.Response created = api.post("clerk", "/api/payments", first, Map.of("Idempotency-Key", key));
        assertThat(created.status()).isEqualTo(201);
        long count = jdbc.queryForObject("select count(*) from payment", Long.class);

        assertThat(api.post("clerk", "/api/payments", first, Map.of("Idempotency-Key", key))
                        .body()
                        .path("id")
                        .asLong())
                .isEqualTo(created.body().path("id").asLong());
        Api.Response changedReference = api.post(
                "clerk",
                "/api/payments",
                payment(customer, Map.of("amount", 12, "reference", "second")),
                Map.of("Idempotency-Key", key));
        assertThat(changedReference.status()).isEqualTo(409);
        Map<String, Object> otherDay = payment(
                customer,
                Map.of(
                        "amount",
                        12,
                        "reference",
                        "first",
                        "valueDate",
                        LocalDate.now(clock).minusDays(1).toString()));
        assertThat(api.post("clerk", "/api/payments", otherDay, Map.of("Idempotency-Key", key))
                        .status())
                .isEqualTo(409);
        assertThat(jdbc.queryForObject("select count(*) from payment", Long.class))
                .isEqualTo(count);

        // the same key from another caller is that caller's own key: a new payment, not a replay of the clerk's
        Api.Response admins = api.post("admin", "/api/payments", first, Map.of("Idempotency-Key", key));
        assertThat(admins.status()).isEqualTo(201);
        assertThat(admins.body().path("id").asLong())
                .isNotEqualTo(created.body().path("id").asLong());
    }

    @Test
    void aTaskAnswerOfTheWrongShapeIsRefusedAndTheTaskStaysOpenWithItsProcessWaiting() {
        long customer = api.post(
                        "sales",
                        "/api/customers",
                        Map.of(
                                "name",
                                "Unassessed " + tag(),
                                "email",
                                tag() + "@hostile.example",
                                "currency",
                                "EUR",
                                "paymentTerms",
                                "NET30"))
                .body()
                .path("id")
                .asLong();
        long orderId = api.post("sales", "/api/orders", order(customer, Map.of()))
                .body()
                .path("id")
                .asLong();
        HumanTask task = await().atMost(Scenario.PATIENCE)
                .until(
                        () -> tasks.findByStatusOrderByCreatedAtAsc(HumanTask.Status.OPEN).stream()
                                .filter(t -> ("ORDER-" + orderId).equals(t.getBusinessKey()))
                                .findFirst()
                                .orElse(null),
                        found -> found != null);
        String complete = "/api/tasks/" + task.getJobKey() + "/complete";

        List<Map<String, Object>> answers = List.of(
                Map.of("reviewOutcome", "MAYBE", "reviewComment", "fine"),
                Map.of("reviewOutcome", List.of("APPROVE"), "reviewComment", "fine"),
                Map.of("reviewOutcome", "APPROVE", "reviewComment", Map.of("text", "fine")),
                Map.of("reviewOutcome", "APPROVE", "reviewComment", List.of("fine")),
                Map.of("reviewOutcome", "APPROVE", "reviewComment", 42),
                Map.of("reviewOutcome", "APPROVE", "reviewComment", "x".repeat(5000)),
                Map.of("reviewOutcome", "APPROVE", "reviewComment", "fine", "creditLimit", 1000000),
                Map.of("reviewOutcome", "APPROVE"));
        for (Map<String, Object> answer : answers) {
            Api.Response response = api.post("analyst", complete, Map.of("variables", answer));
            assertThat(response.status()).as(answer + " -> " + response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.field()).as(response.body().toString()).isNotBlank();
        }
        assertThat(api.post("analyst", complete, "{\"variables\": {\"reviewComment\": \"a\\u0000b\"}}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("collector", complete, Map.of("variables", Map.of()))
                        .status())
                .isEqualTo(403);

        // a claim binds: an admin (in every group) cannot complete what an analyst has claimed
        assertThat(api.post("analyst", "/api/tasks/" + task.getJobKey() + "/claim", null)
                        .status())
                .isEqualTo(200);
        Api.Response byAdmin = api.post(
                "admin",
                complete,
                Map.of("variables", Map.of("reviewOutcome", "REJECT", "reviewComment", "not mine to decide")));
        assertThat(byAdmin.status()).isEqualTo(409);
        assertThat(byAdmin.body().path("detail").asText()).contains("claimed by analyst");

        assertThat(tasks.findById(task.getJobKey()).orElseThrow().getStatus()).isEqualTo(HumanTask.Status.OPEN);
        assertThat(api.get("sales", "/api/orders/" + orderId)
                        .body()
                        .path("status")
                        .asText())
                .isEqualTo("CREDIT_REVIEW");
        // the operator's console still follows the engine: the waiting instance is there, with no incident
        long instance = task.getProcessInstanceKey();
        await().atMost(Scenario.PATIENCE)
                .until(() -> api.get("operator", "/api/console/instances/" + instance)
                                .status()
                        == 200);
        assertThat(api.get("operator", "/api/console/instances?state=INCIDENT&limit=1000")
                        .body()
                        .toString())
                .doesNotContain(String.valueOf(instance));
    }

    @Test
    void outsideTextOnAClerksFormIsShownAsTextNotMarkup() {
        String hostile = "<img src=https://evil.example/x.png> [click](https://evil.example) **bold**";
        String statement = new CamtWriter("MSG-" + tag(), "STMT-" + tag())
                .credit(
                        "77.70",
                        LocalDate.now(clock),
                        "<b>Payer</b> ![i](https://evil.example/i.png)",
                        null,
                        null,
                        hostile)
                .xml();
        Api.Response imported = api.post(
                "clerk",
                "/api/bank-statements",
                statement,
                Map.of(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_XML_VALUE));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        HumanTask task = await().atMost(Scenario.PATIENCE)
                .until(
                        () -> tasks.findByStatusOrderByCreatedAtAsc(HumanTask.Status.OPEN).stream()
                                .filter(t -> "match-payment".equals(t.getFormId())
                                        && String.valueOf(t.getVariables()).contains("evil.example"))
                                .findFirst()
                                .orElse(null),
                        found -> found != null);
        var form = api.get("clerk", "/api/tasks/" + task.getJobKey()).body().path("formSchema");
        List<String> templatedKeys = new ArrayList<>();
        form.path("components").forEach(component -> {
            if ("text".equals(component.path("type").asText())) {
                String text = component.path("text").asText();
                for (String key : List.of("remittanceText", "debtorName", "candidateSummary", "matchReasons")) {
                    if (text.contains("{{" + key + "}}")) {
                        templatedKeys.add(key);
                    }
                }
            } else if (List.of("remittanceText", "debtorName")
                    .contains(component.path("key").asText())) {
                assertThat(component.path("disabled").asBoolean())
                        .as(component.toString())
                        .isTrue();
            }
        });
        assertThat(templatedKeys).as("outside text rendered as markdown").isEmpty();
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of(
                "customer",
                "sales_order",
                "order_line",
                "payment",
                "payment_allocation",
                "invoice",
                "bank_statement",
                "bank_entry",
                "credit_limit_review",
                "customer_credit_balance",
                "customer_credit_use")) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        counts.put(
                "audit by people",
                jdbc.queryForObject(
                        "select count(*) from audit_record where actor in ('sales','analyst','manager','collector','clerk',"
                                + "'operator','modeler','admin')",
                        Long.class));
        return counts;
    }

    private long createdCustomer(String currency) {
        Api.Response created = api.post("manager", "/api/customers", customer(Map.of("currency", currency)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().path("id").asLong();
    }

    private static Map<String, Object> customer(Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "name",
                "Hostile " + tag(),
                "email",
                tag() + "@hostile.example",
                "currency",
                "EUR",
                "paymentTerms",
                "NET30",
                "creditLimit",
                1000,
                "riskClass",
                "B"));
        body.putAll(changes);
        return body;
    }

    private static Map<String, Object> order(long customerId, Map<String, Object> lineChanges) {
        Map<String, Object> line =
                new HashMap<>(Map.of("sku", "W-1", "description", "Widget", "quantity", 1, "unitPrice", 100));
        line.putAll(lineChanges);
        return Map.of("customerId", customerId, "lines", List.of(line));
    }

    private Map<String, Object> payment(long customerId, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "customerId",
                customerId,
                "amount",
                10,
                "currency",
                "EUR",
                "valueDate",
                LocalDate.now(clock).toString()));
        body.putAll(changes);
        return body;
    }

    /** A customer credit application or refund body: 10.00 EUR (refunds also need a bankReference). */
    private static Map<String, Object> creditUse(Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(Map.of("amount", 10, "currency", "EUR"));
        body.putAll(changes);
        return body;
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
