package dev.o2c.credit.limits;

import java.math.BigDecimal;

/**
 * What a limit review decides on, gathered by gather-limit-facts: the DMN limit-recommendation reads these as its
 * inputs, the form shows them. score and bureauRecommendedLimit stay empty until scoring and the credit bureau
 * provide them (they are passed in as process variables).
 */
public record LimitFacts(
        long reviewId,
        long customerId,
        String customerName,
        String trigger,
        String currency,
        String riskClass,
        BigDecimal currentLimit,
        BigDecimal exposure,
        BigDecimal availableCredit,
        /* exposure / limit, empty when the limit is zero */
        BigDecimal utilisation,
        int openInvoices,
        BigDecimal overdueAmount,
        int maxDaysOverdue,
        int paymentsLast12Months,
        int relationshipMonths,
        BigDecimal requestedLimit,
        String requestedBy,
        String requestReason,
        Integer score,
        BigDecimal bureauRecommendedLimit) {}
