package dev.o2c.tasks;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o2c.platform.errors.InvalidValueException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field type of the shipped forms against answers of the wrong type, range or shape. */
class FormValidatorTest {

    private static final FormRegistry FORMS = registry();
    private final FormValidator validator = new FormValidator();

    private static FormRegistry registry() {
        try {
            return new FormRegistry(new ObjectMapper());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> goodMatch() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("matchDecision", "POST");
        answers.put("customerId", 12);
        answers.put("invoiceNumbers", "INV-2026-000012");
        answers.put("matchNote", "phoned the customer");
        return answers;
    }

    static Map<String, Object> goodFollowUp() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("followUpOutcome", "PROMISE_TO_PAY");
        answers.put("promisedDate", "2026-12-31");
        answers.put("followUpNote", "CFO promised payment");
        return answers;
    }

    static Map<String, Object> goodLimitChange() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("limitDecision", "CHANGE");
        answers.put("newCreditLimit", 25000);
        answers.put("limitComment", "Framework contract signed");
        return answers;
    }

    static Stream<Arguments> badAnswers() {
        return Stream.of(
                // radio: one of its values, as text
                bad("match-payment", goodMatch(), "matchDecision", "MAYBE"),
                bad("match-payment", goodMatch(), "matchDecision", 1),
                bad("match-payment", goodMatch(), "matchDecision", Map.of("value", "POST")),
                bad("match-payment", goodMatch(), "matchDecision", List.of("POST")),
                // number: a number, whole, within its bounds
                bad("match-payment", goodMatch(), "customerId", "12"),
                bad("match-payment", goodMatch(), "customerId", 1.5),
                bad("match-payment", goodMatch(), "customerId", -4),
                bad("match-payment", goodMatch(), "customerId", 0),
                bad(
                        "match-payment",
                        goodMatch(),
                        "customerId",
                        new java.math.BigInteger("1000000000000000000000000000000")),
                bad("match-payment", goodMatch(), "customerId", true),
                bad("match-payment", goodMatch(), "customerId", Map.of()),
                // text: a string of the allowed length without control characters
                bad("match-payment", goodMatch(), "matchNote", Map.of("text", "hello")),
                bad("match-payment", goodMatch(), "matchNote", List.of("a", "b")),
                bad("match-payment", goodMatch(), "matchNote", 42),
                bad("match-payment", goodMatch(), "matchNote", false),
                bad("match-payment", goodMatch(), "matchNote", "no\u0000te"),
                bad("match-payment", goodMatch(), "matchNote", "x".repeat(1001)),
                bad("match-payment", goodMatch(), "matchNote", "ok"),
                bad("match-payment", goodMatch(), "invoiceNumbers", "INV".repeat(400)),
                // fields shown for information only
                bad("match-payment", goodMatch(), "remittanceText", "I changed the remittance"),
                // fields hidden by the form's condition
                bad("match-payment", withAnswer(goodMatch(), "matchDecision", "SET_ASIDE"), "customerId", 12),
                // fields the form does not have
                bad("match-payment", goodMatch(), "amount", 1),
                // dates: real calendar dates in the field's subtype
                bad("collections-follow-up", goodFollowUp(), "promisedDate", "2027-13-45"),
                bad("collections-follow-up", goodFollowUp(), "promisedDate", "2026-02-30"),
                bad("collections-follow-up", goodFollowUp(), "promisedDate", "99999-01-01"),
                bad("collections-follow-up", goodFollowUp(), "promisedDate", "tomorrow"),
                bad("collections-follow-up", goodFollowUp(), "promisedDate", 20261231),
                bad("collections-follow-up", goodFollowUp(), "promisedDate", "2026-12-31T10:00:00Z"),
                bad("collections-follow-up", goodFollowUp(), "followUpNote", "x".repeat(2001)),
                bad("collections-follow-up", goodFollowUp(), "customerName", "Someone else"),
                bad(
                        "credit-review",
                        Map.of("reviewOutcome", "APPROVE", "reviewComment", "Known customer"),
                        "reviewOutcome",
                        "approve"),
                bad(
                        "credit-review", Map.of("reviewOutcome", "APPROVE", "reviewComment", "Known customer"),
                        "reviewComment", List.of()),
                // the limit review: a decision it offers, a positive limit of two decimals only for CHANGE
                bad("credit-limit-review", goodLimitChange(), "limitDecision", "accept"),
                bad("credit-limit-review", goodLimitChange(), "newCreditLimit", -5),
                bad("credit-limit-review", goodLimitChange(), "newCreditLimit", "25000"),
                bad("credit-limit-review", goodLimitChange(), "newCreditLimit", 25000.001),
                bad(
                        "credit-limit-review",
                        withAnswer(goodLimitChange(), "limitDecision", "ACCEPT"),
                        "newCreditLimit",
                        25000),
                bad("credit-limit-review", goodLimitChange(), "limitComment", "ok"),
                bad("credit-limit-review", goodLimitChange(), "recommendedLimit", 1),
                bad(
                        "credit-limit-second-approval",
                        Map.of("limitSecondApproval", "CONFIRM", "limitSecondComment", "Agreed"),
                        "limitSecondApproval",
                        "MAYBE"));
    }

    private static Arguments bad(String form, Map<String, Object> good, String field, Object value) {
        return Arguments.of(form, withAnswer(good, field, value), field);
    }

    private static Map<String, Object> withAnswer(Map<String, Object> good, String field, Object value) {
        Map<String, Object> answers = new HashMap<>(good);
        answers.put(field, value);
        return answers;
    }

    @ParameterizedTest(name = "{0}: {2} = {1}")
    @MethodSource("badAnswers")
    void aWrongAnswerIsRefusedNamingItsField(String formId, Map<String, Object> answers, String field) {
        FormSchema form = FORMS.find(formId).orElseThrow();
        assertThatThrownBy(() -> validator.validate(form, answers, Map.of()))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        problem -> org.assertj.core.api.Assertions.assertThat(problem.field())
                                .isEqualTo(field));
    }

    @Test
    void rightAnswersPass() {
        assertThatCode(() -> validator.validate(FORMS.find("match-payment").orElseThrow(), goodMatch(), Map.of()))
                .doesNotThrowAnyException();
        assertThatCode(() -> validator.validate(
                        FORMS.find("match-payment").orElseThrow(),
                        Map.of("matchDecision", "SET_ASIDE", "matchNote", "a refund from the tax office"),
                        Map.of()))
                .doesNotThrowAnyException();
        assertThatCode(() ->
                        validator.validate(FORMS.find("collections-follow-up").orElseThrow(), goodFollowUp(), Map.of()))
                .doesNotThrowAnyException();
        assertThatCode(() -> validator.validate(
                        FORMS.find("collections-follow-up").orElseThrow(),
                        Map.of("followUpOutcome", "KEEP_DUNNING", "followUpNote", "no answer"),
                        Map.of()))
                .doesNotThrowAnyException();
        assertThatCode(() -> validator.validate(
                        FORMS.find("credit-limit-review").orElseThrow(), goodLimitChange(), Map.of()))
                .doesNotThrowAnyException();
        assertThatCode(() -> validator.validate(
                        FORMS.find("credit-limit-review").orElseThrow(),
                        Map.of("limitDecision", "REFUSE", "limitComment", "Two disputes open"),
                        Map.of()))
                .doesNotThrowAnyException();
    }
}
