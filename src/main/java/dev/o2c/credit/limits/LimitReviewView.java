package dev.o2c.credit.limits;

import java.math.BigDecimal;
import java.time.Instant;

/** A limit review as the API and the task page show it. */
public record LimitReviewView(
        long id,
        long customerId,
        String trigger,
        String status,
        String currency,
        BigDecimal requestedLimit,
        String requestedBy,
        String reason,
        Instant requestedAt,
        BigDecimal currentLimit,
        BigDecimal recommendedLimit,
        String recommendation,
        String reviewGroup,
        String decision,
        BigDecimal decidedLimit,
        String decidedBy,
        Instant decidedAt,
        String decisionComment,
        String authorityGroup,
        String authority,
        boolean secondApproverRequired,
        String secondApprovedBy,
        String secondComment,
        BigDecimal oldLimit,
        BigDecimal newLimit,
        Instant closedAt,
        Long processInstanceKey) {

    public static LimitReviewView of(LimitReview r) {
        return new LimitReviewView(
                r.getId(),
                r.getCustomerId(),
                r.getTrigger().name(),
                r.getStatus().name(),
                r.getCurrency(),
                r.getRequestedLimit(),
                r.getRequestedBy(),
                r.getReason(),
                r.getRequestedAt(),
                r.getCurrentLimit(),
                r.getRecommendedLimit(),
                r.getRecommendation(),
                r.getReviewGroup(),
                r.getDecision() == null ? null : r.getDecision().name(),
                r.getDecidedLimit(),
                r.getDecidedBy(),
                r.getDecidedAt(),
                r.getDecisionComment(),
                r.getAuthorityGroup(),
                r.getAuthority(),
                r.isSecondApproverRequired(),
                r.getSecondApprovedBy(),
                r.getSecondComment(),
                r.getOldLimit(),
                r.getNewLimit(),
                r.getClosedAt(),
                r.getProcessInstanceKey());
    }
}
