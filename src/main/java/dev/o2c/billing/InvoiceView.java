package dev.o2c.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice as the API shows it; views downstream add its reminders and payments. */
public record InvoiceView(
        long id,
        String number,
        String creditorReference,
        long customerId,
        long orderId,
        String currency,
        LocalDate issueDate,
        LocalDate dueDate,
        LocalDate discountDate,
        BigDecimal discountRate,
        BigDecimal netAmount,
        BigDecimal taxAmount,
        BigDecimal totalAmount,
        BigDecimal chargesAmount,
        BigDecimal openAmount,
        /** What write-offs took off as bad debt (credit notes on the invoice reverse it first). */
        BigDecimal writtenOffAmount,
        /** What early-payment discounts settled (credit notes reverse it after bad debt). */
        BigDecimal discountedAmount,
        /** What accepted short-payment deductions settled (credit notes reverse it after discounts). */
        BigDecimal deductedAmount,
        InvoiceStatus status,
        int dunningLevel,
        LocalDate promisedDate) {

    public static InvoiceView of(Invoice invoice) {
        return new InvoiceView(
                invoice.getId(),
                invoice.getNumber(),
                invoice.getCreditorReference(),
                invoice.getCustomerId(),
                invoice.getOrderId(),
                invoice.getCurrency(),
                invoice.getIssueDate(),
                invoice.getDueDate(),
                invoice.getDiscountDate(),
                invoice.getDiscountRate(),
                invoice.getNetAmount(),
                invoice.getTaxAmount(),
                invoice.getTotalAmount(),
                invoice.getChargesAmount(),
                invoice.getOpenAmount(),
                invoice.getWrittenOffAmount(),
                invoice.getDiscountedAmount(),
                invoice.getDeductedAmount(),
                invoice.getStatus(),
                invoice.getDunningLevel(),
                invoice.getPromisedDate());
    }
}
