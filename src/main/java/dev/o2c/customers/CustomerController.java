package dev.o2c.customers;

import dev.o2c.platform.money.Currencies;
import dev.o2c.platform.money.Iban;
import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.GroupRequiredException;
import dev.o2c.platform.security.Groups;
import dev.o2c.platform.security.OfficeStaff;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
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

    static final List<String> CREDIT_STAFF = List.of(Groups.CREDIT_ANALYSTS, Groups.CREDIT_MANAGERS);
    static final List<String> LIMIT_SETTERS = List.of(Groups.CREDIT_MANAGERS);
    /** Where a customer nobody in credit has assessed yet starts: orders over its (zero) limit go to review. */
    static final RiskClass UNASSESSED = RiskClass.C;
    /** A VAT identification number: two-letter country prefix, then 2 to 13 letters or digits (no spaces). */
    static final String VAT_ID = "[A-Z]{2}[0-9A-Z]{2,13}";

    private final CustomerService customers;
    private final CustomerRepository repository;

    CustomerController(CustomerService customers, CustomerRepository repository) {
        this.customers = customers;
        this.repository = repository;
    }

    /**
     * Sales and credit staff create customers. Only credit staff set the credit limit and risk class: a customer that
     * sales creates starts unassessed (no credit, risk class C, so every order goes to a credit review) with the limit
     * sales proposed kept beside it for credit staff to decide on.
     */
    @PostMapping
    @Allowed({Groups.SALES, Groups.CREDIT_ANALYSTS, Groups.CREDIT_MANAGERS})
    ResponseEntity<CustomerView> create(@Valid @RequestBody CreateCustomer request) {
        CurrentUser user = CurrentUser.get();
        // the same people who may change a limit or a risk class later may set it at creation, nobody else
        if (request.creditLimit() != null && !user.inAnyGroup(LIMIT_SETTERS)) {
            throw new GroupRequiredException(
                    LIMIT_SETTERS, "Only credit managers set a credit limit; sales may send proposedCreditLimit");
        }
        if (request.riskClass() != null && !user.inAnyGroup(CREDIT_STAFF)) {
            throw new GroupRequiredException(CREDIT_STAFF, "Only credit staff set a risk class");
        }
        if (!Currencies.isTradingCurrency(request.currency())) {
            throw new InvalidCustomerException(
                    "currency", "is not a currency customers are billed in: " + request.currency());
        }
        checkFitsCurrency("creditLimit", request.creditLimit(), request.currency());
        checkFitsCurrency("proposedCreditLimit", request.proposedCreditLimit(), request.currency());
        if (request.iban() != null && !Iban.isValid(request.iban())) {
            throw new InvalidCustomerException("iban", "is not a valid IBAN (check digits do not match)");
        }
        String language = checkedLanguage(request.language());
        PostalAddress address = checkedAddress(
                request.street(), request.postalCode(), request.city(), request.countryCode(), request.peppolId());
        PaymentTerms terms;
        try {
            terms = PaymentTerms.parse(request.paymentTerms());
        } catch (IllegalArgumentException e) {
            throw new InvalidCustomerException("paymentTerms", e.getMessage());
        }
        BigDecimal limit = request.creditLimit() == null ? BigDecimal.ZERO : request.creditLimit();
        RiskClass riskClass = request.riskClass() == null ? UNASSESSED : RiskClass.valueOf(request.riskClass());
        Customer customer = customers.create(
                new CustomerService.NewCustomer(
                        request.name().trim(),
                        request.email(),
                        request.currency(),
                        terms,
                        limit,
                        riskClass,
                        request.taxRate() == null ? BigDecimal.ZERO : request.taxRate(),
                        request.iban(),
                        request.vatId(),
                        request.riskClass() != null,
                        language,
                        address),
                request.proposedCreditLimit(),
                user.name());
        return ResponseEntity.created(URI.create("/api/customers/" + customer.getId()))
                .body(CustomerView.of(customer));
    }

    /**
     * The language documents are written in and the postal address (the buyer's address on e-invoices). Changed by the
     * people who send the customer documents or manage the account.
     */
    @PutMapping("/{id}/contact")
    @Allowed({Groups.AR_CLERKS, Groups.COLLECTORS, Groups.SALES, Groups.CREDIT_ANALYSTS, Groups.CREDIT_MANAGERS})
    CustomerView changeContact(@PathVariable long id, @Valid @RequestBody ChangeContact request) {
        String language = checkedLanguage(request.language());
        PostalAddress address = checkedAddress(
                request.street(), request.postalCode(), request.city(), request.countryCode(), request.peppolId());
        return CustomerView.of(
                customers.changeContact(id, language, address, CurrentUser.get().name()));
    }

    private static String checkedLanguage(String language) {
        if (language == null) {
            return Languages.DEFAULT;
        }
        if (!Languages.isLanguage(language)) {
            throw new InvalidCustomerException("language", "is not an ISO 639-1 language code: " + language);
        }
        return language;
    }

    private static PostalAddress checkedAddress(
            String street, String postalCode, String city, String countryCode, String peppolId) {
        if (countryCode != null && !Languages.isCountry(countryCode)) {
            throw new InvalidCustomerException(
                    "countryCode", "is not an ISO 3166-1 alpha-2 country code: " + countryCode);
        }
        return new PostalAddress(
                blankToNull(street), blankToNull(postalCode), blankToNull(city), countryCode, peppolId);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static void checkFitsCurrency(String field, BigDecimal amount, String currency) {
        if (amount != null && !Currencies.hasMinorUnitScale(amount, currency)) {
            throw new InvalidCustomerException(field, "has more decimals than " + currency + " allows");
        }
    }

    /**
     * Customers as this module knows them. One customer with its credit position (exposure, available credit) and the
     * credit staff's changes to limit, risk class and hold are served by the credit module, which owns exposure.
     */
    @GetMapping
    @OfficeStaff
    List<CustomerView> list() {
        return repository.findAll().stream().map(CustomerView::of).toList();
    }

    record CreateCustomer(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(max = 3) String currency,
            @NotBlank @Size(max = 40) String paymentTerms,

            @DecimalMin("0") @Digits(integer = 15, fraction = 2)
            BigDecimal creditLimit,

            @Pattern(regexp = "[ABCD]", message = "must be A, B, C or D")
            String riskClass,

            @DecimalMin("0") @Digits(integer = 15, fraction = 2)
            BigDecimal proposedCreditLimit,

            @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) @Digits(integer = 1, fraction = 4)
            BigDecimal taxRate,

            @Pattern(regexp = "[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}", message = "must be an IBAN without spaces")
            String iban,

            // what credit bureaus know a company by; with it a new customer's risk class comes from the bureau
            @Size(max = 15)
            @Pattern(regexp = VAT_ID, message = "must be a VAT id like DE123456789 (country prefix, no spaces)")
            String vatId,

            @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 language code such as en or de")
            String language,

            @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
            String street,

            @Size(max = 20) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
            String postalCode,

            @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
            String city,

            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code such as DE")
            String countryCode,

            @Pattern(
                    regexp = "[0-9]{4}:[^\\s:]{1,80}",
                    message = "must be a Peppol participant id scheme:identifier such as 0088:4012345000009")
            String peppolId) {}

    record ChangeContact(
            @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 language code such as en or de")
            String language,

            @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
            String street,

            @Size(max = 20) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
            String postalCode,

            @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
            String city,

            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code such as DE")
            String countryCode,

            @Pattern(
                    regexp = "[0-9]{4}:[^\\s:]{1,80}",
                    message = "must be a Peppol participant id scheme:identifier such as 0088:4012345000009")
            String peppolId) {}
}
