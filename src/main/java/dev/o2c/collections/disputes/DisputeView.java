package dev.o2c.collections.disputes;

import java.math.BigDecimal;
import java.time.Instant;

/** A dispute as the API and the invoice view show it. */
public record DisputeView(
        long id,
        long invoiceId,
        String invoiceNumber,
        long customerId,
        String currency,
        BigDecimal amount,
        DisputeReason reasonCode,
        String comment,
        DisputeStatus status,
        String openedBy,
        Instant openedAt,
        Long processInstanceKey,
        BigDecimal acceptedAmount,
        String rejectionReason,
        String resolvedBy,
        Instant resolvedAt,
        Long creditNoteId) {

    public static DisputeView of(Dispute d) {
        return new DisputeView(
                d.getId(),
                d.getInvoiceId(),
                d.getInvoiceNumber(),
                d.getCustomerId(),
                d.getCurrency(),
                d.getAmount(),
                d.getReasonCode(),
                d.getComment(),
                d.getStatus(),
                d.getOpenedBy(),
                d.getOpenedAt(),
                d.getProcessInstanceKey(),
                d.getAcceptedAmount(),
                d.getRejectionReason(),
                d.getResolvedBy(),
                d.getResolvedAt(),
                d.getCreditNoteId());
    }
}
