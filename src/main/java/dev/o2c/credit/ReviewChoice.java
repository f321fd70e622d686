package dev.o2c.credit;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a reviewer decided on the credit-review form: the field names are the form's keys. Amounts are only read for
 * the decision that uses them (form-js does not send hidden fields).
 */
public record ReviewChoice(Outcome outcome, BigDecimal newCreditLimit, BigDecimal prepaymentAmount, String comment) {

    public static final String OUTCOME = "reviewOutcome";
    public static final String NEW_CREDIT_LIMIT = "newCreditLimit";
    public static final String PREPAYMENT_AMOUNT = "prepaymentAmount";
    public static final String COMMENT = "reviewComment";

    public enum Outcome {
        /** Authorised override: reserve the order even beyond the available credit. */
        APPROVE,
        /** Raise the customer's limit for good so the order fits. */
        APPROVE_RAISE_LIMIT,
        /** The order waits for a payment of the stated amount, then reserves. */
        PREPAYMENT,
        REJECT;

        CreditApproval.Decision approval() {
            return this == REJECT ? null : CreditApproval.Decision.valueOf(name());
        }
    }

    public static ReviewChoice fromForm(Map<String, Object> answers) {
        Outcome outcome = outcome(answers.get(OUTCOME));
        Object comment = answers.get(COMMENT);
        return new ReviewChoice(
                outcome,
                outcome == Outcome.APPROVE_RAISE_LIMIT
                        ? positive(answers.get(NEW_CREDIT_LIMIT), NEW_CREDIT_LIMIT)
                        : null,
                outcome == Outcome.PREPAYMENT ? positive(answers.get(PREPAYMENT_AMOUNT), PREPAYMENT_AMOUNT) : null,
                comment == null ? "" : comment.toString());
    }

    static ReviewChoice approve(String comment) {
        return new ReviewChoice(Outcome.APPROVE, null, null, comment);
    }

    CreditApproval.Decision approval() {
        return outcome.approval();
    }

    String describe(String currency) {
        return switch (outcome) {
            case APPROVE -> "approved (override)";
            case APPROVE_RAISE_LIMIT -> "approved, limit raised to " + newCreditLimit + " " + currency;
            case PREPAYMENT -> "released on prepayment of " + prepaymentAmount + " " + currency;
            case REJECT -> "rejected";
        };
    }

    private static Outcome outcome(Object value) {
        if (value == null) {
            throw new InvalidCreditException(OUTCOME, "Decision is required");
        }
        try {
            return Outcome.valueOf(value.toString());
        } catch (IllegalArgumentException e) {
            throw new InvalidCreditException(OUTCOME, "must be one of " + java.util.Arrays.toString(Outcome.values()));
        }
    }

    private static BigDecimal positive(Object value, String field) {
        if (value == null || value.toString().isBlank()) {
            throw new InvalidCreditException(field, "is required for this decision");
        }
        if (!(value instanceof Number) && !(value instanceof String)) {
            throw new InvalidCreditException(field, "must be a number");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            throw new InvalidCreditException(field, "must be a number");
        }
        if (amount.signum() <= 0) {
            throw new InvalidCreditException(field, "must be greater than zero");
        }
        if (amount.scale() > 2) {
            throw new InvalidCreditException(field, "has at most two decimals");
        }
        return amount;
    }
}
