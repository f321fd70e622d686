package dev.o2c.credit.limits;

import dev.o2c.credit.CustomerAccount;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskContextProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Beside a limit review: the request, the proposal with its reason, earlier reviews and the customer's account. */
@Component
class LimitReviewContext implements TaskContextProvider {

    private final LimitReviews reviews;
    private final CustomerAccount accounts;

    LimitReviewContext(LimitReviews reviews, CustomerAccount accounts) {
        this.reviews = reviews;
        this.accounts = accounts;
    }

    @Override
    public boolean describes(HumanTask task) {
        return LimitReviewGuard.REVIEW_FORM.equals(task.getFormId())
                || LimitReviewGuard.SECOND_APPROVAL_FORM.equals(task.getFormId());
    }

    @Override
    public Map<String, Object> contextOf(HumanTask task, Map<String, Object> variables) {
        LimitReview review = reviews.get(Long.parseLong(String.valueOf(variables.get("reviewId"))));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("kind", "credit-limit-review");
        context.put("review", LimitReviewView.of(review));
        context.put(
                "history",
                reviews.forCustomer(review.getCustomerId()).stream()
                        .filter(earlier -> !earlier.getId().equals(review.getId()))
                        .limit(10)
                        .map(LimitReviewView::of)
                        .toList());
        context.put("customer", accounts.summary(review.getCustomerId()));
        return context;
    }
}
