package dev.o2c.credit;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the credit policy looks at; the names are the DMN's input names. */
public record CreditFacts(
        long customerId,
        String customerName,
        BigDecimal orderAmount,
        String currency,
        BigDecimal creditLimit,
        BigDecimal exposure,
        BigDecimal availableCredit,
        boolean onCreditHold,
        String riskClass,
        long maxDaysOverdue,
        long invoicesPastFinalNotice) {

    public Map<String, Object> asVariables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("customerName", customerName);
        variables.put("orderAmount", orderAmount);
        variables.put("currency", currency);
        variables.put("creditLimit", creditLimit);
        variables.put("exposure", exposure);
        variables.put("availableCredit", availableCredit);
        variables.put("onCreditHold", onCreditHold);
        variables.put("riskClass", riskClass);
        variables.put("maxDaysOverdue", maxDaysOverdue);
        variables.put("invoicesPastFinalNotice", invoicesPastFinalNotice);
        return variables;
    }

    public String describe() {
        return asVariables().toString();
    }
}
