package dev.o2c.credit;

import dev.o2c.orders.OrderService;
import dev.o2c.orders.SalesOrder;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskContextProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Beside a credit review: the order, the customer's credit and history, and why the policy did not decide. */
@Component
class CreditReviewContext implements TaskContextProvider {

    private final OrderService orders;
    private final CreditDecisions decisions;
    private final CustomerAccount accounts;
    private final CreditReviews reviews;

    CreditReviewContext(
            OrderService orders, CreditDecisions decisions, CustomerAccount accounts, CreditReviews reviews) {
        this.orders = orders;
        this.decisions = decisions;
        this.accounts = accounts;
        this.reviews = reviews;
    }

    @Override
    public boolean describes(HumanTask task) {
        return ApprovalAuthorityGuard.REVIEW_FORM.equals(task.getFormId())
                || ApprovalAuthorityGuard.SECOND_APPROVAL_FORM.equals(task.getFormId());
    }

    @Override
    public Map<String, Object> contextOf(HumanTask task, Map<String, Object> variables) {
        SalesOrder order = orders.get(Long.parseLong(variables.get("orderId").toString()));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("kind", "credit-review");
        context.put(
                "order",
                Map.of(
                        "id",
                        order.getId(),
                        "totalAmount",
                        order.getTotalAmount(),
                        "currency",
                        order.getCurrency(),
                        "placedBy",
                        order.getPlacedBy(),
                        "placedAt",
                        order.getPlacedAt().toString(),
                        "status",
                        order.getStatus().name(),
                        "lines",
                        order.getLines().stream()
                                .map(line -> Map.of(
                                        "sku",
                                        line.getSku(),
                                        "description",
                                        line.getDescription(),
                                        "quantity",
                                        line.getQuantity(),
                                        "unitPrice",
                                        line.getUnitPrice(),
                                        "lineAmount",
                                        line.getLineAmount()))
                                .toList()));
        List<Map<String, Object>> history = decisions.forOrder(order.getId()).stream()
                .map(decision -> Map.<String, Object>of(
                        "outcome",
                        decision.getOutcome().name(),
                        "reason",
                        decision.getReason(),
                        "inputs",
                        decision.getInputs(),
                        "decidedBy",
                        decision.getDecidedBy(),
                        "decidedAt",
                        decision.getDecidedAt().toString()))
                .toList();
        context.put("decisions", history);
        // the real reason this review is open (a failed reservation says so, not the policy's first verdict)
        context.put("reviewReason", String.valueOf(variables.get("reviewReason")));
        context.put(
                "approvals",
                reviews.forOrder(order.getId()).stream()
                        .map(approval -> {
                            Map<String, Object> view = new LinkedHashMap<>();
                            view.put("id", approval.getId());
                            view.put("decision", approval.getDecision().name());
                            view.put("status", approval.getStatus().name());
                            view.put("approvedBy", approval.approvers());
                            view.put("authorityGroup", approval.getAuthorityGroup());
                            view.put("authority", approval.getAuthority());
                            view.put("amountOverLimit", approval.getAmountOverLimit());
                            view.put("reservedOverLimit", approval.getReservedOverLimit());
                            view.put("reason", approval.getReason());
                            view.put("decidedAt", approval.getDecidedAt().toString());
                            return view;
                        })
                        .toList());
        context.put("customer", accounts.summary(order.getCustomerId()));
        return context;
    }
}
