package dev.o2c.collections;

import dev.o2c.customers.CustomerService;
import dev.o2c.customers.CustomerView;
import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Credit managers waive late-payment charges (interest and the recovery fee) for a customer, or charge them again.
 * The flag is the customers module's data, changed through its service; reminders read it when they charge.
 */
@RestController
@RequestMapping("/api/customers")
class LateChargesController {

    private final CustomerService customers;

    LateChargesController(CustomerService customers) {
        this.customers = customers;
    }

    @PutMapping("/{id}/late-charges")
    @Allowed(Groups.CREDIT_MANAGERS)
    CustomerView change(@PathVariable long id, @Valid @RequestBody LateCharges request) {
        return CustomerView.of(customers.changeLateChargesWaived(
                id, request.waived(), CurrentUser.get().name(), request.reason()));
    }

    record LateCharges(
            @NotNull Boolean waived,
            @NotBlank @Size(max = 1000) String reason) {}
}
