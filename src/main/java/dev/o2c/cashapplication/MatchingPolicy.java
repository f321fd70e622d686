package dev.o2c.cashapplication;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The finance team's appetite for automatic posting. The matcher adds up the weights of the evidence for each
 * candidate; capped at 0.99 that is the candidate's confidence. The best candidate is posted without a clerk only when
 * its confidence reaches {@code autoPostConfidence} and its evidence (uncapped) is at least {@code minimumLead} more
 * than the next candidate's. A short payment up to the tolerance
 * (absolute and relative, whichever is smaller) is accepted and the rest written off as deduction.
 */
@ConfigurationProperties("o2c.cash-application")
public record MatchingPolicy(
        BigDecimal autoPostConfidence,
        BigDecimal minimumLead,
        BigDecimal shortPaymentTolerance,
        BigDecimal shortPaymentTolerancePercent,
        int discountGraceDays,
        int maxInvoicesPerCombination,
        Weights weights) {

    public MatchingPolicy {
        autoPostConfidence = autoPostConfidence == null ? new BigDecimal("0.90") : autoPostConfidence;
        minimumLead = minimumLead == null ? new BigDecimal("0.15") : minimumLead;
        shortPaymentTolerance = shortPaymentTolerance == null ? new BigDecimal("5.00") : shortPaymentTolerance;
        shortPaymentTolerancePercent =
                shortPaymentTolerancePercent == null ? new BigDecimal("1.0") : shortPaymentTolerancePercent;
        maxInvoicesPerCombination = maxInvoicesPerCombination <= 0 ? 4 : maxInvoicesPerCombination;
        weights = weights == null ? Weights.defaults() : weights.withDefaults();
    }

    public static MatchingPolicy defaults() {
        return new MatchingPolicy(null, null, null, null, 3, 0, null);
    }

    /**
     * What each piece of evidence adds to a candidate's confidence ({@code o2c.cash-application.weights.*}). Negative
     * weights count against it. The defaults are chosen so that no single kind of evidence posts on its own except a
     * checked creditor reference whose amount settles the invoice: a reference needs the amount, an amount needs the
     * payer and uniqueness.
     *
     * <p>The last four combine evidence the way a careful clerk does when the payer is not confirmed:
     * {@code amountConfirmsNumber}: a number written without its separators (or several numbers named together) whose
     * amount settles exactly what it names counts as much as a number written exactly; {@code amountSinglesOutTypo}: the
     * amount is exactly the open amount of the one invoice within one typo of the written number, and nothing else the
     * text names competes with it; {@code partialOfTheOnlyNamedInvoice}: a part payment naming exactly one invoice by a
     * checked creditor reference or its number as written, whose amount fits no other open item; {@code
     * amountConfirmsSimilarName}: a name that only abbreviates one customer's name, when the amount settles the only open
     * item or combination of that customer and no other customer has that amount open.
     */
    public record Weights(
            BigDecimal creditorReference,
            BigDecimal invoiceNumberExact,
            BigDecimal invoiceNumberNormalised,
            BigDecimal invoiceNumberTypo,
            BigDecimal namedInCombination,
            BigDecimal amountExact,
            BigDecimal amountDiscount,
            BigDecimal amountDeduction,
            BigDecimal amountCombination,
            BigDecimal amountPartial,
            BigDecimal amountOverpaid,
            BigDecimal payerIban,
            BigDecimal payerLearned,
            BigDecimal payerName,
            BigDecimal payerNameSimilar,
            BigDecimal payerContradicts,
            BigDecimal typoOfNamedInvoice,
            BigDecimal onlyFit,
            BigDecimal amountConfirmsNumber,
            BigDecimal amountSinglesOutTypo,
            BigDecimal partialOfTheOnlyNamedInvoice,
            BigDecimal amountConfirmsSimilarName) {

        public static Weights defaults() {
            return new Weights(
                            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                            null, null, null, null, null, null, null)
                    .withDefaults();
        }

        Weights withDefaults() {
            return new Weights(
                    or(creditorReference, "0.60"),
                    or(invoiceNumberExact, "0.60"),
                    or(invoiceNumberNormalised, "0.55"),
                    or(invoiceNumberTypo, "0.40"),
                    or(namedInCombination, "0.30"),
                    or(amountExact, "0.30"),
                    or(amountDiscount, "0.30"),
                    or(amountDeduction, "0.30"),
                    or(amountCombination, "0.30"),
                    or(amountPartial, "0.15"),
                    or(amountOverpaid, "0.05"),
                    or(payerIban, "0.25"),
                    or(payerLearned, "0.25"),
                    or(payerName, "0.25"),
                    or(payerNameSimilar, "0.15"),
                    or(payerContradicts, "-0.30"),
                    or(typoOfNamedInvoice, "-0.30"),
                    or(onlyFit, "0.35"),
                    or(amountConfirmsNumber, "0.05"),
                    or(amountSinglesOutTypo, "0.20"),
                    or(partialOfTheOnlyNamedInvoice, "0.15"),
                    or(amountConfirmsSimilarName, "0.10"));
        }

        private static BigDecimal or(BigDecimal value, String otherwise) {
            return value == null ? new BigDecimal(otherwise) : value;
        }
    }

    /** The largest shortfall on {@code owed} that is written off rather than left open. */
    BigDecimal toleranceFor(BigDecimal owed) {
        BigDecimal relative = owed.multiply(shortPaymentTolerancePercent).movePointLeft(2);
        return relative.min(shortPaymentTolerance);
    }

    public boolean autoPosts(BigDecimal confidence) {
        return confidence.compareTo(autoPostConfidence) >= 0;
    }

    /** Clearly ahead: the best candidate leads the next one by at least the minimum lead. */
    public boolean clearlyAhead(BigDecimal best, BigDecimal next) {
        return next == null || best.subtract(next).compareTo(minimumLead) >= 0;
    }
}
