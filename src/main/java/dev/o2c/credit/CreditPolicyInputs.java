package dev.o2c.credit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the credit-decision DMN was given for one order, read from the process variables by their input names. It is
 * kept with the decision as JSON so a changed policy can be replayed on the same inputs (a back-test).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreditPolicyInputs(
        BigDecimal orderAmount,
        String currency,
        BigDecimal creditLimit,
        BigDecimal exposure,
        BigDecimal availableCredit,
        Boolean onCreditHold,
        String riskClass,
        Long maxDaysOverdue,
        Long invoicesPastFinalNotice,
        // what the credit bureau said, or that the decision was taken without it
        Boolean bureauAvailable,
        String bureauStatus,
        String bureauRating,
        Integer bureauScore,
        Boolean bureauInsolvent) {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** The variables the credit-decision DMN reads, by its input names, as the process handed them in. */
    public Map<String, Object> asVariables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("orderAmount", orderAmount);
        variables.put("currency", currency);
        variables.put("creditLimit", creditLimit);
        variables.put("exposure", exposure);
        variables.put("availableCredit", availableCredit);
        variables.put("onCreditHold", onCreditHold);
        variables.put("riskClass", riskClass);
        variables.put("maxDaysOverdue", maxDaysOverdue);
        variables.put("invoicesPastFinalNotice", invoicesPastFinalNotice);
        variables.put("bureauAvailable", bureauAvailable);
        variables.put("bureauStatus", bureauStatus);
        variables.put("bureauRating", bureauRating);
        variables.put("bureauScore", bureauScore);
        variables.put("bureauInsolvent", bureauInsolvent);
        return variables;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("credit policy inputs cannot be written as JSON", e);
        }
    }

    public static CreditPolicyInputs fromJson(String json) {
        try {
            return JSON.readValue(json, CreditPolicyInputs.class);
        } catch (JsonProcessingException e) {
            throw new InvalidCreditException("inputs", "are not the JSON of a credit policy decision's inputs");
        }
    }
}
