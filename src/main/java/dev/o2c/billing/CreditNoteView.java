package dev.o2c.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A credit note as the API shows it. */
public record CreditNoteView(
        long id,
        String number,
        long invoiceId,
        long customerId,
        String currency,
        LocalDate issueDate,
        BigDecimal netAmount,
        BigDecimal taxAmount,
        BigDecimal totalAmount,
        BigDecimal appliedAmount,
        BigDecimal badDebtReversalAmount,
        BigDecimal discountReversalAmount,
        BigDecimal deductionReversalAmount,
        BigDecimal customerCreditAmount,
        CreditNoteStatus status,
        String reason,
        String issuedBy,
        Instant issuedAt) {

    public static CreditNoteView of(CreditNote note) {
        return new CreditNoteView(
                note.getId(),
                note.getNumber(),
                note.getInvoiceId(),
                note.getCustomerId(),
                note.getCurrency(),
                note.getIssueDate(),
                note.getNetAmount(),
                note.getTaxAmount(),
                note.getTotalAmount(),
                note.getAppliedAmount(),
                note.getBadDebtReversalAmount(),
                note.getDiscountReversalAmount(),
                note.getDeductionReversalAmount(),
                note.getCustomerCreditAmount(),
                note.getStatus(),
                note.getReason(),
                note.getIssuedBy(),
                note.getIssuedAt());
    }
}
