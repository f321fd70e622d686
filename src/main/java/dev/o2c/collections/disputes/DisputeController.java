package dev.o2c.collections.disputes;

import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Disputes: opened on an invoice by collectors, AR clerks or sales; read by finance staff and sales. */
@RestController
class DisputeController {

    private final DisputeIntake intake;
    private final Disputes disputes;
    private final DisputeReaders readers;
    private final DisputeViews views;

    DisputeController(DisputeIntake intake, Disputes disputes, DisputeReaders readers, DisputeViews views) {
        this.intake = intake;
        this.views = views;
        this.disputes = disputes;
        this.readers = readers;
    }

    /**
     * Opens a dispute on the invoice for {@code amount} (default: all that is open) and starts its resolution. While
     * it is unresolved, dunning leaves the disputed amount alone.
     */
    @PostMapping("/api/invoices/{invoiceId}/disputes")
    @Allowed({Groups.COLLECTORS, Groups.AR_CLERKS, Groups.SALES})
    ResponseEntity<DisputeView> open(@PathVariable long invoiceId, @Valid @RequestBody OpenDispute request) {
        Dispute dispute = intake.open(
                new Disputes.NewDispute(invoiceId, request.amount(), request.reasonCode(), request.comment()),
                CurrentUser.get().name());
        return ResponseEntity.created(URI.create("/api/disputes/" + dispute.getId()))
                .body(views.of(dispute));
    }

    @GetMapping("/api/disputes")
    @Allowed({
        Groups.COLLECTORS,
        Groups.AR_CLERKS,
        Groups.SALES,
        Groups.CREDIT_ANALYSTS,
        Groups.CREDIT_MANAGERS,
        Groups.OPERATORS
    })
    List<DisputeView> search(
            @RequestParam(required = false) DisputeStatus status, @RequestParam(required = false) Long customerId) {
        return views.of(disputes.search(status, customerId));
    }

    /** The warehouse reads only the disputes routed to it (DisputeReaders). */
    @GetMapping("/api/disputes/{id}")
    @Allowed({
        Groups.COLLECTORS,
        Groups.AR_CLERKS,
        Groups.SALES,
        Groups.CREDIT_ANALYSTS,
        Groups.CREDIT_MANAGERS,
        Groups.OPERATORS,
        Groups.WAREHOUSE
    })
    DisputeView get(@PathVariable long id) {
        Dispute dispute = disputes.get(id);
        readers.checkMayRead(dispute, CurrentUser.get());
        return views.of(dispute);
    }

    record OpenDispute(
            @DecimalMin(value = "0.01") @Digits(integer = 15, fraction = 2)
            BigDecimal amount,

            @NotNull DisputeReason reasonCode,
            @Size(max = 1000) String comment) {}
}
