package dev.o2c.collections.writeoffs;

import java.math.BigDecimal;
import java.time.Instant;

/** A write-off as the API shows it: what was asked, who may and did decide, and what was posted. */
record WriteOffView(
        long id,
        long invoiceId,
        long customerId,
        BigDecimal amount,
        String currency,
        String reason,
        String status,
        boolean automatic,
        String requestedBy,
        Instant requestedAt,
        int daysOverdue,
        String riskClass,
        Long processInstanceKey,
        String authorityGroup,
        String authority,
        boolean secondApproverRequired,
        String approvedBy,
        String approvalComment,
        String secondApprovedBy,
        String secondApprovalComment,
        String rejectedBy,
        String rejectionReason,
        BigDecimal postedAmount,
        Instant postedAt) {

    static WriteOffView of(WriteOff w) {
        return new WriteOffView(
                w.getId(),
                w.getInvoiceId(),
                w.getCustomerId(),
                w.getAmount(),
                w.getCurrency(),
                w.getReason(),
                w.getStatus().name(),
                w.isAutomatic(),
                w.getRequestedBy(),
                w.getRequestedAt(),
                w.getDaysOverdue(),
                w.getRiskClass(),
                w.getProcessInstanceKey(),
                w.getAuthorityGroup(),
                w.getAuthority(),
                w.isSecondApproverRequired(),
                w.getApprovedBy(),
                w.getApprovalComment(),
                w.getSecondApprovedBy(),
                w.getSecondApprovalComment(),
                w.getRejectedBy(),
                w.getRejectionReason(),
                w.getPostedAmount(),
                w.getPostedAt());
    }
}
