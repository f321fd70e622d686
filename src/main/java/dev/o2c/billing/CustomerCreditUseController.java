package dev.o2c.billing;

import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A customer's credit (left by credit notes): AR clerks apply it to an open invoice or refund it; finance reads it. */
@RestController
@RequestMapping("/api/customers/{customerId}")
class CustomerCreditUseController {

    private final CustomerCredits customerCredits;

    CustomerCreditUseController(CustomerCredits customerCredits) {
        this.customerCredits = customerCredits;
    }

    /**
     * Applies {@code amount} of the customer's available credit to one of its open invoices. With an Idempotency-Key
     * header a repeated request returns the application already recorded (200); the same key with a different amount,
     * invoice or currency is a 409.
     */
    @PostMapping("/credit-applications")
    @Allowed(Groups.AR_CLERKS)
    ResponseEntity<CustomerCreditUseView> apply(
            @PathVariable long customerId,
            @Valid @RequestBody ApplyCredit request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        String key = IdempotencyKeys.of(idempotencyKey);
        return answer(customerCredits.apply(
                new CustomerCredits.Application(
                        customerId, request.invoiceId(), request.amount(), request.currency(), request.reason(), key),
                CurrentUser.get().name()));
    }

    /**
     * Records a refund of {@code amount} of the customer's available credit, paid out by bank transfer with
     * {@code bankReference}. Idempotent with an Idempotency-Key header, as applications are.
     */
    @PostMapping("/credit-refunds")
    @Allowed(Groups.AR_CLERKS)
    ResponseEntity<CustomerCreditUseView> refund(
            @PathVariable long customerId,
            @Valid @RequestBody RefundCredit request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        String key = IdempotencyKeys.of(idempotencyKey);
        return answer(customerCredits.refund(
                new CustomerCredits.Refund(
                        customerId,
                        request.amount(),
                        request.currency(),
                        request.bankReference(),
                        request.reason(),
                        key),
                CurrentUser.get().name()));
    }

    /** Available credit per currency, and every application and refund of it (oldest first). */
    @GetMapping("/customer-credit")
    @Allowed({Groups.AR_CLERKS, Groups.COLLECTORS, Groups.CREDIT_ANALYSTS, Groups.CREDIT_MANAGERS, Groups.OPERATORS})
    CustomerCreditView customerCredit(@PathVariable long customerId) {
        List<CustomerCreditUseView> uses = customerCredits.usesOf(customerId).stream()
                .map(CustomerCreditUseView::of)
                .toList();
        return new CustomerCreditView(customerId, customerCredits.availableFor(customerId), uses);
    }

    private static ResponseEntity<CustomerCreditUseView> answer(CustomerCredits.Recorded recorded) {
        CustomerCreditUseView view = CustomerCreditUseView.of(recorded.use());
        return recorded.recordedNow()
                ? ResponseEntity.created(URI.create("/api/customers/" + view.customerId() + "/customer-credit"))
                        .body(view)
                : ResponseEntity.ok(view);
    }

    record ApplyCredit(
            @NotNull @Positive Long invoiceId,

            @NotNull @DecimalMin(value = "0.01") @Digits(integer = 15, fraction = 2)
            BigDecimal amount,

            @NotBlank @Size(max = 3) String currency,
            @Size(max = 1000) String reason) {}

    record RefundCredit(
            @NotNull @DecimalMin(value = "0.01") @Digits(integer = 15, fraction = 2)
            BigDecimal amount,

            @NotBlank @Size(max = 3) String currency,
            @NotBlank @Size(max = 140) String bankReference,
            @Size(max = 1000) String reason) {}

    record CustomerCreditView(long customerId, Map<String, BigDecimal> available, List<CustomerCreditUseView> uses) {}

    record CustomerCreditUseView(
            long id,
            CustomerCreditUse.Kind kind,
            long customerId,
            String currency,
            BigDecimal amount,
            Long invoiceId,
            String bankReference,
            String reason,
            LocalDate effectiveDate,
            String recordedBy,
            Instant recordedAt) {

        static CustomerCreditUseView of(CustomerCreditUse use) {
            return new CustomerCreditUseView(
                    use.getId(),
                    use.getKind(),
                    use.getCustomerId(),
                    use.getCurrency(),
                    use.getAmount(),
                    use.getInvoiceId(),
                    use.getBankReference(),
                    use.getReason(),
                    use.getEffectiveDate(),
                    use.getRecordedBy(),
                    use.getRecordedAt());
        }
    }
}
