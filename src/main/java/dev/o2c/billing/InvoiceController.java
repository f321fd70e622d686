package dev.o2c.billing;

import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.Groups;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/invoices")
@Allowed({
    Groups.AR_CLERKS,
    Groups.COLLECTORS,
    Groups.CREDIT_ANALYSTS,
    Groups.CREDIT_MANAGERS,
    Groups.SALES,
    Groups.OPERATORS
})
class InvoiceController {

    private final InvoiceService invoices;

    InvoiceController(InvoiceService invoices) {
        this.invoices = invoices;
    }

    /**
     * Invoices by customer and status. One invoice with its reminders and payments is a view across modules and
     * lives downstream (dev.o2c.workspace).
     */
    @GetMapping
    List<InvoiceView> search(
            @RequestParam(required = false) Long customerId, @RequestParam(required = false) InvoiceStatus status) {
        return invoices.search(customerId, status).stream().map(InvoiceView::of).toList();
    }
}
