package dev.o2c.customers;

import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.Groups;
import dev.o2c.credit.CreditExposure;
import dev.o2c.platform.money.Amounts;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
class CustomerController {

  private final CustomerService customers;
  private final CustomerRepository repository;
  private final CreditExposure exposure;

  CustomerController(CustomerService customers, CustomerRepository repository, CreditExposure exposure) {
    this.customers = customers;
    this.repository = repository;
    this.exposure = exposure;
  }

  @PostMapping
  @Allowed({Groups.SALES, Groups.CREDIT_MANAGERS})
  ResponseEntity<CustomerView> create(@Valid @RequestBody CreateCustomer request) {
    if (!Amounts.isIsoCurrency(request.currency())) {
      throw ApiProblem.invalid("currency", "is not an ISO 4217 currency code: " + request.currency());
    }
    if (!Amounts.fitsMinorUnit(request.creditLimit(), request.currency())) {
      throw ApiProblem.invalid("creditLimit", "has more decimals than " + request.currency() + " allows");
    }
    PaymentTerms terms;
    try {
      terms = PaymentTerms.parse(request.paymentTerms());
    } catch (IllegalArgumentException e) {
      throw ApiProblem.invalid("paymentTerms", e.getMessage());
    }
    Customer customer = customers.create(new CustomerService.NewCustomer(request.name().trim(), request.email(),
        request.currency(), terms, request.creditLimit(), RiskClass.valueOf(request.riskClass()),
        request.taxRate() == null ? BigDecimal.ZERO : request.taxRate(), request.iban()), CurrentUser.get().name());
    return ResponseEntity.created(URI.create("/api/customers/" + customer.getId())).body(view(customer));
  }

  @GetMapping
  @Allowed(Allowed.ANY_USER)
  List<CustomerView> list() {
    return repository.findAll().stream().map(this::view).toList();
  }

  @GetMapping("/{id}")
  @Allowed(Allowed.ANY_USER)
  CustomerView get(@PathVariable long id) {
    return view(customers.get(id));
  }

  @PutMapping("/{id}/credit-limit")
  @Allowed(Groups.CREDIT_MANAGERS)
  CustomerView changeLimit(@PathVariable long id, @Valid @RequestBody ChangeLimit request) {
    return view(customers.changeCreditLimit(id, request.creditLimit(), CurrentUser.get().name(), request.reason()));
  }

  @PostMapping("/{id}/credit-hold/release")
  @Allowed(Groups.CREDIT_MANAGERS)
  CustomerView releaseHold(@PathVariable long id, @Valid @RequestBody Reason request) {
    return view(customers.releaseCreditHold(id, CurrentUser.get().name(), request.reason()));
  }

  private CustomerView view(Customer customer) {
    BigDecimal current = exposure.of(customer.getId());
    return new CustomerView(customer.getId(), customer.getName(), customer.getEmail(), customer.getCurrency(),
        customer.paymentTerms().toString(), customer.getCreditLimit(), current,
        customer.getCreditLimit().subtract(current), customer.riskClass().name(), customer.isOnCreditHold(),
        customer.getTaxRate(), customer.getIban());
  }

  record CreateCustomer(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Email @Size(max = 320) String email,
      @NotBlank String currency,
      @NotBlank String paymentTerms,
      @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal creditLimit,
      @NotBlank @Pattern(regexp = "[ABCD]", message = "must be A, B, C or D") String riskClass,
      @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) @Digits(integer = 1, fraction = 4) BigDecimal taxRate,
      @Pattern(regexp = "[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}", message = "must be an IBAN without spaces") String iban) {}

  record ChangeLimit(@NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal creditLimit,
      @NotBlank @Size(max = 1000) String reason) {}

  record Reason(@NotBlank @Size(max = 1000) String reason) {}

  record CustomerView(long id, String name, String email, String currency, String paymentTerms,
      BigDecimal creditLimit, BigDecimal exposure, BigDecimal availableCredit, String riskClass, boolean onCreditHold,
      BigDecimal taxRate, String iban) {}
}
