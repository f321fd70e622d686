package dev.o2c.credit.scoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the scorecard looks at about one customer. Stored as the score's inputs (JSON): two computations on equal facts
 * are the same score, so recomputing on unchanged facts (another day, a redelivered event) adds no history row.
 *
 * @param averageDaysBeyondTerms days paid after the due date, averaged over the invoices paid in the last 12 months
 *     (early counts as 0); null when none was paid
 * @param recentDaysBeyondTerms the same over the last 3 months; null when none was paid then
 * @param earlierDaysBeyondTerms the same over the 9 months before; null when none was paid then
 * @param sharePaidLatePercent invoices paid after their due date, in % of those paid in the last 12 months
 * @param utilisationPercent exposure in % of the credit limit (999.99 at most; a zero limit with exposure is 999.99)
 * @param highestDunningLevel highest reminder level on invoices open or paid in the last 12 months
 * @param brokenPromises invoices whose promised payment date passed unpaid in the last 12 months
 */
public record ScoreFacts(
        long invoicesPaid,
        BigDecimal averageDaysBeyondTerms,
        BigDecimal recentDaysBeyondTerms,
        BigDecimal earlierDaysBeyondTerms,
        BigDecimal sharePaidLatePercent,
        String currency,
        BigDecimal exposure,
        BigDecimal creditLimit,
        BigDecimal utilisationPercent,
        int highestDunningLevel,
        long brokenPromises,
        long overdueInvoices,
        long relationshipMonths,
        String bureauRating,
        boolean bureauInsolvent) {

    /** Recent minus earlier days beyond terms; positive when the customer pays slower than before. */
    @JsonIgnore
    public BigDecimal daysBeyondTermsTrend() {
        return recentDaysBeyondTerms == null || earlierDaysBeyondTerms == null
                ? null
                : recentDaysBeyondTerms.subtract(earlierDaysBeyondTerms);
    }

    /** The DMN's input names (processes/credit-score.dmn). */
    public Map<String, Object> asVariables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("averageDaysBeyondTerms", averageDaysBeyondTerms);
        variables.put("daysBeyondTermsTrend", daysBeyondTermsTrend());
        variables.put("sharePaidLatePercent", sharePaidLatePercent);
        variables.put("utilisationPercent", utilisationPercent);
        variables.put("highestDunningLevel", highestDunningLevel);
        variables.put("brokenPromises", brokenPromises);
        variables.put("relationshipMonths", relationshipMonths);
        variables.put("bureauRating", bureauRating);
        variables.put("bureauInsolvent", bureauInsolvent);
        return variables;
    }
}
