package dev.o2c.collections.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o2c.platform.security.Groups;
import io.camunda.zeebe.dmn.DecisionEngine;
import io.camunda.zeebe.dmn.DecisionEngineFactory;
import io.camunda.zeebe.dmn.DecisionEvaluationResult;
import io.camunda.zeebe.dmn.ParsedDecisionRequirementsGraph;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * processes/dispute-routing.dmn on Zeebe's own DMN engine: every reason code reaches its own rule (so every rule is
 * reachable), goes to the team that must answer (price: sales; the goods: warehouse; billing: AR clerks) within a
 * sensible SLA, and only to groups that exist.
 */
class DisputeRoutingTableTest {

    private static final DecisionEngine ENGINE = DecisionEngineFactory.createDecisionEngine();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ParsedDecisionRequirementsGraph table;

    @BeforeAll
    static void parse() throws Exception {
        try (InputStream in = DisputeRoutingTableTest.class.getResourceAsStream("/processes/dispute-routing.dmn")) {
            table = ENGINE.parse(in);
        }
        assertThat(table.isValid()).as(table.getFailureMessage()).isTrue();
    }

    record Route(DisputeReason reason, int rule, String group, int slaDays) {
        @Override
        public String toString() {
            return reason + " -> rule " + rule + ", " + group + " within " + slaDays + " days";
        }
    }

    static Stream<Route> routes() {
        return Stream.of(
                new Route(DisputeReason.PRICE, 1, Groups.SALES, 5),
                new Route(DisputeReason.QUANTITY, 2, Groups.WAREHOUSE, 5),
                new Route(DisputeReason.DAMAGED_GOODS, 3, Groups.WAREHOUSE, 3),
                new Route(DisputeReason.NOT_RECEIVED, 4, Groups.WAREHOUSE, 3),
                new Route(DisputeReason.DUPLICATE_BILLING, 5, Groups.AR_CLERKS, 2),
                new Route(DisputeReason.OTHER, 6, Groups.AR_CLERKS, 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void eachReasonGoesToTheTeamThatMustAnswer(Route route) throws Exception {
        DecisionEvaluationResult result = ENGINE.evaluateDecisionById(
                table,
                "dispute-routing",
                () -> Map.of("reasonCode", route.reason().name()));
        assertThat(result.isFailure()).as(result.getFailureMessage()).isFalse();
        assertThat(result.getEvaluatedDecisions().getFirst().matchedRules())
                .singleElement()
                .satisfies(matched -> assertThat(matched.ruleIndex()).isEqualTo(route.rule()));
        JsonNode output = JSON.readTree(MsgPackConverter.convertToJson(result.getOutput()));
        assertThat(output.path("group").asText()).isEqualTo(route.group());
        assertThat(output.path("slaDays").asInt()).isEqualTo(route.slaDays());
    }

    @Test
    void everyReasonCodeAndEveryRuleIsCoveredAndEveryGroupExists() throws Exception {
        assertThat(routes().map(Route::reason)).containsExactlyInAnyOrder(DisputeReason.values());
        assertThat(routes().map(Route::rule)).containsExactly(1, 2, 3, 4, 5, 6);
        Set<String> groups = Arrays.stream(Groups.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(DisputeRoutingTableTest::value)
                .collect(Collectors.toSet());
        assertThat(routes().map(Route::group)).allMatch(groups::contains);
        assertThat(routes().map(Route::slaDays)).allMatch(days -> days >= 1 && days <= 10);
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
