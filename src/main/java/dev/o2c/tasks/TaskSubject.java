package dev.o2c.tasks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.stream.Stream;

/**
 * What a task is about, read from its process's variables by their names in the models: the inbox lists and sorts
 * tasks by it. The names are the processes' conventions: an order-to-cash task carries orderId and orderAmount, a
 * collection task invoiceNumber and openAmount, a payment-posting task statementEntryId and amount, a credit limit
 * review reviewId.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record TaskSubject(
        String invoiceNumber,
        String statementEntryId,
        Long orderId,
        Long reviewId,
        Long customerId,
        BigDecimal openAmount,
        BigDecimal orderAmount,
        BigDecimal amount,
        String currency) {

    /** The key people know the case by: the invoice number, the bank entry, or the order. */
    String businessKey() {
        if (invoiceNumber != null) {
            return invoiceNumber;
        }
        if (statementEntryId != null) {
            return statementEntryId;
        }
        if (orderId != null) {
            return "ORDER-" + orderId;
        }
        return reviewId == null ? null : "LIMIT-REVIEW-" + reviewId;
    }

    /** The money at stake: what is open on an invoice, else the order's amount, else the payment's. */
    BigDecimal amountAtStake() {
        return Stream.of(openAmount, orderAmount, amount)
                .filter(a -> a != null)
                .findFirst()
                .orElse(null);
    }
}
