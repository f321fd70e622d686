package dev.o2c.credit.limits;

import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ask for another credit limit, and see a customer's limit reviews. */
@RestController
@RequestMapping("/api")
class LimitReviewController {

    private final LimitReviews reviews;

    LimitReviewController(LimitReviews reviews) {
        this.reviews = reviews;
    }

    /**
     * Sales or credit staff ask for a new limit (amount: the limit asked for, in the customer's currency). Starts a
     * credit-limit-review; 409 while the customer has one open.
     */
    @PostMapping("/customers/{id}/limit-requests")
    @Allowed({Groups.SALES, Groups.CREDIT_ANALYSTS, Groups.CREDIT_MANAGERS})
    ResponseEntity<LimitReviewView> request(@PathVariable long id, @Valid @RequestBody LimitRequest request) {
        LimitReview review = reviews.request(
                id,
                request.amount(),
                request.currency(),
                request.reason().trim(),
                CurrentUser.get().name());
        return ResponseEntity.created(URI.create("/api/limit-reviews/" + review.getId()))
                .body(LimitReviewView.of(review));
    }

    @GetMapping("/customers/{id}/limit-reviews")
    @Allowed({Groups.SALES, Groups.CREDIT_ANALYSTS, Groups.CREDIT_MANAGERS, Groups.OPERATORS})
    List<LimitReviewView> ofCustomer(@PathVariable long id) {
        return reviews.forCustomer(id).stream().map(LimitReviewView::of).toList();
    }

    @GetMapping("/limit-reviews/{id}")
    @Allowed({Groups.SALES, Groups.CREDIT_ANALYSTS, Groups.CREDIT_MANAGERS, Groups.OPERATORS})
    LimitReviewView get(@PathVariable long id) {
        return LimitReviewView.of(reviews.get(id));
    }

    record LimitRequest(
            @NotNull BigDecimal amount,
            @NotBlank @Size(max = 3) String currency,
            @NotBlank @Size(max = 1000) String reason) {}
}
