package dev.o2c.credit;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.o2c.billing.CustomerCredits;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.CustomerView;
import dev.o2c.customers.RiskClass;
import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import dev.o2c.platform.security.OfficeStaff;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's credit position and the credit staff's decisions on it (limit, risk class, hold). They live with the
 * credit module because it owns exposure; the data they change stays the customers module's, changed through its
 * service.
 */
@RestController
@RequestMapping("/api/customers")
class CustomerCreditController {

    private final CustomerService customers;
    private final CreditExposure exposure;
    private final CustomerCredits customerCredits;

    CustomerCreditController(CustomerService customers, CreditExposure exposure, CustomerCredits customerCredits) {
        this.customers = customers;
        this.exposure = exposure;
        this.customerCredits = customerCredits;
    }

    @GetMapping("/{id}")
    @OfficeStaff
    CustomerCreditView get(@PathVariable long id) {
        return view(customers.get(id));
    }

    @PutMapping("/{id}/credit-limit")
    @Allowed(Groups.CREDIT_MANAGERS)
    CustomerCreditView changeLimit(@PathVariable long id, @Valid @RequestBody ChangeLimit request) {
        return view(customers.changeCreditLimit(
                id, request.creditLimit(), CurrentUser.get().name(), request.reason()));
    }

    @PutMapping("/{id}/risk-class")
    @Allowed({Groups.CREDIT_ANALYSTS, Groups.CREDIT_MANAGERS})
    CustomerCreditView changeRiskClass(@PathVariable long id, @Valid @RequestBody ChangeRiskClass request) {
        return view(customers.changeRiskClass(
                id, RiskClass.valueOf(request.riskClass()), CurrentUser.get().name(), request.reason()));
    }

    @PostMapping("/{id}/credit-hold/release")
    @Allowed(Groups.CREDIT_MANAGERS)
    CustomerCreditView releaseHold(@PathVariable long id, @Valid @RequestBody Reason request) {
        return view(customers.releaseCreditHold(id, CurrentUser.get().name(), request.reason()));
    }

    private CustomerCreditView view(Customer customer) {
        BigDecimal current = exposure.of(customer.getId());
        return new CustomerCreditView(
                CustomerView.of(customer),
                current,
                customer.getCreditLimit().subtract(current),
                customerCredits.availableFor(customer.getId()));
    }

    /**
     * The customer with what it owes and may still draw: the same fields as the customer list, plus exposure, and the
     * customer credit (left by credit notes) it has available per currency.
     */
    record CustomerCreditView(
            @JsonUnwrapped CustomerView customer,
            BigDecimal exposure,
            BigDecimal availableCredit,
            Map<String, BigDecimal> availableCustomerCredit) {}

    record ChangeLimit(
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 2)
            BigDecimal creditLimit,

            @NotBlank @Size(max = 1000) String reason) {}

    record Reason(@NotBlank @Size(max = 1000) String reason) {}

    record ChangeRiskClass(
            @NotBlank @Pattern(regexp = "[ABCD]", message = "must be A, B, C or D")
            String riskClass,

            @NotBlank @Size(max = 1000) String reason) {}
}
