package dev.o2c.credit.bureau;

import dev.o2c.customers.RiskClass;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A credit bureau's report on a company, as read (and checked) from the bureau's answer.
 *
 * @param reference the bureau's id of the company or report (may be null)
 * @param vatId the company's VAT id as the bureau knows it (may be null)
 * @param companyName the company's name as the bureau knows it (may be null)
 * @param rating the bureau's rating on the scale {@link #RATINGS} (AAA best, D worst)
 * @param score 0 (highest risk) to 100 (lowest risk)
 * @param paymentIndex 0 to 100: how the company pays its suppliers (80 = on terms, lower = later)
 * @param recommendedLimit the most credit the bureau recommends, in {@code recommendedLimitCurrency}
 * @param recommendedLimitCurrency ISO 4217
 * @param insolvent insolvency proceedings are known to the bureau
 * @param reportDate the date the bureau's report is as of
 * @param rawResponse the bureau's answer exactly as received, stored beside the report for audit
 */
public record BureauReport(
        String reference,
        String vatId,
        String companyName,
        String rating,
        int score,
        int paymentIndex,
        BigDecimal recommendedLimit,
        String recommendedLimitCurrency,
        boolean insolvent,
        LocalDate reportDate,
        String rawResponse) {

    /** The rating scale of the contract, best first. */
    public static final List<String> RATINGS = List.of("AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C", "D");

    /**
     * The risk class a report suggests: AAA-A -> A, BBB-BB -> B, B-CCC -> C, CC-D -> D; insolvency -> D whatever the
     * rating says.
     */
    public RiskClass riskClass() {
        return riskClassOf(rating, insolvent);
    }

    public static RiskClass riskClassOf(String rating, boolean insolvent) {
        if (insolvent) {
            return RiskClass.D;
        }
        return switch (rating) {
            case "AAA", "AA", "A" -> RiskClass.A;
            case "BBB", "BB" -> RiskClass.B;
            case "B", "CCC" -> RiskClass.C;
            case "CC", "C", "D" -> RiskClass.D;
            default -> throw new IllegalArgumentException("not a rating of the bureau contract: " + rating);
        };
    }
}
