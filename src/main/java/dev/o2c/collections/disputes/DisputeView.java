package dev.o2c.collections.disputes;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A dispute as the API and the invoice view show it. {@code dueAt}: when its resolution task is due (its routing's SLA,
 * null before the task exists); {@code overdue}: unresolved and past it.
 */
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
        Long creditNoteId,
        Instant dueAt,
        boolean overdue) {

    static DisputeView of(Dispute d, Instant dueAt, Instant now) {
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
                d.getCreditNoteId(),
                dueAt,
                d.getStatus().isUnresolved() && dueAt != null && now.isAfter(dueAt));
    }
}
