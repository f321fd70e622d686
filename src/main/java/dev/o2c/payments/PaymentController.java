package dev.o2c.payments;

import dev.o2c.platform.money.Currencies;
import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import dev.o2c.platform.text.Texts;
import dev.o2c.platform.time.BusinessDates;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/payments")
class PaymentController {

    private final PaymentService payments;
    private final Clock clock;

    PaymentController(PaymentService payments, Clock clock) {
        this.payments = payments;
        this.clock = clock;
    }

    /**
     * Posts a payment. With an Idempotency-Key header a repeated request (a client retry) returns the first result
     * and posts nothing. Keys belong to the caller (another user's key is a different key), and a repeat must be the
     * same request in every field: the same key with anything changed is refused, never replayed silently.
     */
    @PostMapping
    @Allowed(Groups.AR_CLERKS)
    ResponseEntity<PaymentView> post(
            @Valid @RequestBody PostPayment request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null
                && (idempotencyKey.isBlank()
                        || idempotencyKey.length() > 200
                        || Texts.hasForbiddenControlCharacter(idempotencyKey))) {
            throw new InvalidPaymentException(
                    "Idempotency-Key", "must be 1 to 200 characters without control characters");
        }
        String user = CurrentUser.get().name();
        String key = idempotencyKey == null ? null : "api/" + user + "/" + idempotencyKey;
        var earlier = payments.findByIdempotencyKey(key);
        if (earlier.isPresent()) {
            return ResponseEntity.ok(replay(earlier.get(), request));
        }
        if (!Currencies.isTradingCurrency(request.currency())) {
            throw new InvalidPaymentException("currency", "is not a currency customers pay in: " + request.currency());
        }
        if (!Currencies.hasMinorUnitScale(request.amount(), request.currency())) {
            throw new InvalidPaymentException("amount", "has more decimals than " + request.currency() + " allows");
        }
        BusinessDates.checkValueDate("valueDate", request.valueDate(), LocalDate.now(clock));
        Payment payment;
        try {
            payment = payments.post(
                    new PaymentService.NewPayment(
                            request.customerId(),
                            request.amount(),
                            request.currency(),
                            request.reference(),
                            request.valueDate(),
                            key,
                            List.of()),
                    user);
        } catch (DataIntegrityViolationException e) {
            // Two requests with one key at the same moment: the other one won, and this one replays its result.
            Payment winner = payments.findByIdempotencyKey(key).orElseThrow(() -> e);
            return ResponseEntity.ok(replay(winner, request));
        }
        return ResponseEntity.created(URI.create("/api/payments/" + payment.getId()))
                .body(view(payment));
    }

    @GetMapping("/{id}")
    @Allowed({Groups.AR_CLERKS, Groups.COLLECTORS, Groups.CREDIT_MANAGERS, Groups.OPERATORS})
    PaymentView get(@PathVariable long id) {
        return view(payments.get(id));
    }

    private PaymentView replay(Payment earlier, PostPayment request) {
        boolean same = earlier.getCustomerId().equals(request.customerId())
                && earlier.getAmount().compareTo(request.amount()) == 0
                && earlier.getCurrency().equals(request.currency())
                && Objects.equals(earlier.getReference(), request.reference())
                && earlier.getValueDate().equals(request.valueDate());
        if (!same) {
            throw new IllegalPaymentTransitionException(
                    "Idempotency-Key was already used by you for a different payment (" + earlier.getId()
                            + "); use a new key for a new payment");
        }
        return view(earlier);
    }

    private PaymentView view(Payment payment) {
        return new PaymentView(
                payment.getId(),
                payment.getCustomerId(),
                payment.getAmount(),
                payment.getCurrency(),
                payment.getReference(),
                payment.getValueDate(),
                payment.getUnappliedAmount(),
                payment.getPostedBy(),
                payment.getPostedAt(),
                payments.allocationsOf(payment.getId()).stream()
                        .map(a -> new AllocationView(a.getInvoiceId(), a.getAmount()))
                        .toList());
    }

    record PostPayment(
            @NotNull @Positive Long customerId,

            @NotNull @DecimalMin(value = "0.01") @Digits(integer = 15, fraction = 2)
            BigDecimal amount,

            @NotBlank @Size(max = 3) String currency,
            @Size(max = 140) String reference,
            @NotNull LocalDate valueDate) {}

    record PaymentView(
            long id,
            long customerId,
            BigDecimal amount,
            String currency,
            String reference,
            LocalDate valueDate,
            BigDecimal unappliedAmount,
            String postedBy,
            Instant postedAt,
            List<AllocationView> allocations) {}

    record AllocationView(long invoiceId, BigDecimal amount) {}
}
