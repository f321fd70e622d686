package dev.o2c.billing;

import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Credit notes of one invoice: AR clerks issue them; finance staff read them. */
@RestController
@RequestMapping("/api/invoices/{invoiceId}/credit-notes")
class CreditNoteController {

    private final CreditNotes creditNotes;

    CreditNoteController(CreditNotes creditNotes) {
        this.creditNotes = creditNotes;
    }

    /**
     * Issues a credit note for {@code amount} (gross, net + VAT at the invoice's rate). With an Idempotency-Key header
     * a repeated request returns the credit note already issued (200) instead of a second one; the same key with a
     * different amount or invoice is a 409.
     */
    @PostMapping
    @Allowed(Groups.AR_CLERKS)
    ResponseEntity<CreditNoteView> issue(
            @PathVariable long invoiceId,
            @Valid @RequestBody IssueCreditNote request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        String key = IdempotencyKeys.of(idempotencyKey);
        String user = CurrentUser.get().name();
        CreditNotes.Issued issued = creditNotes.issue(
                new CreditNotes.NewCreditNote(invoiceId, request.amount(), request.reason(), key), user);
        CreditNoteView view = CreditNoteView.of(issued.creditNote());
        return issued.issuedNow()
                ? ResponseEntity.created(URI.create("/api/invoices/" + invoiceId + "/credit-notes/" + view.id()))
                        .body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping
    @Allowed({Groups.AR_CLERKS, Groups.COLLECTORS, Groups.CREDIT_ANALYSTS, Groups.CREDIT_MANAGERS, Groups.OPERATORS})
    List<CreditNoteView> list(@PathVariable long invoiceId) {
        return creditNotes.forInvoice(invoiceId).stream()
                .map(CreditNoteView::of)
                .toList();
    }

    record IssueCreditNote(
            @NotNull @DecimalMin(value = "0.01") @Digits(integer = 15, fraction = 2)
            BigDecimal amount,

            @NotBlank @Size(max = 1000) String reason) {}
}
