package dev.o2c.collections.writeoffs;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Ask for a write-off of an uncollectable amount, and see an invoice's write-offs. */
@RestController
@RequestMapping("/api")
class WriteOffController {

    private final WriteOffs writeOffs;

    WriteOffController(WriteOffs writeOffs) {
        this.writeOffs = writeOffs;
    }

    /**
     * A collector asks to write {@code amount} off the invoice (at most what is open, in the invoice's currency).
     * Starts write-off-approval; 400 naming the field for a bad amount, 409 while another write-off of it is open.
     */
    @PostMapping("/invoices/{id}/write-offs")
    @Allowed(Groups.COLLECTORS)
    ResponseEntity<WriteOffView> request(@PathVariable long id, @Valid @RequestBody WriteOffRequest request) {
        WriteOff writeOff = writeOffs.request(
                id,
                request.amount(),
                request.currency(),
                request.reason().trim(),
                CurrentUser.get().name());
        return ResponseEntity.created(URI.create("/api/write-offs/" + writeOff.getId()))
                .body(WriteOffView.of(writeOff));
    }

    @GetMapping("/invoices/{id}/write-offs")
    @Allowed({Groups.COLLECTORS, Groups.CREDIT_MANAGERS, Groups.AR_CLERKS, Groups.OPERATORS})
    List<WriteOffView> ofInvoice(@PathVariable long id) {
        return writeOffs.forInvoice(id).stream().map(WriteOffView::of).toList();
    }

    /** The latest 200 write-offs, newest first; {@code ?automatic=true}: the small residuals the system wrote off. */
    @GetMapping("/write-offs")
    @Allowed({Groups.COLLECTORS, Groups.CREDIT_MANAGERS, Groups.AR_CLERKS, Groups.OPERATORS})
    List<WriteOffView> recent(@RequestParam(required = false) Boolean automatic) {
        return writeOffs.recent(automatic).stream().map(WriteOffView::of).toList();
    }

    @GetMapping("/write-offs/{id}")
    @Allowed({Groups.COLLECTORS, Groups.CREDIT_MANAGERS, Groups.AR_CLERKS, Groups.OPERATORS})
    WriteOffView get(@PathVariable long id) {
        return WriteOffView.of(writeOffs.get(id));
    }

    record WriteOffRequest(
            @NotNull BigDecimal amount,
            @Size(min = 3, max = 3) String currency,
            @NotBlank @Size(max = 1000) String reason) {}
}
