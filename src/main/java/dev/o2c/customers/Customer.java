package dev.o2c.customers;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

@Entity
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String email;
    private String currency;
    private String paymentTerms;
    private BigDecimal creditLimit;
    private String riskClass;
    private BigDecimal taxRate;
    private boolean onCreditHold;
    /** Credit managers may waive late-payment interest and the recovery fee for a customer. */
    private boolean lateChargesWaived;

    private String iban;
    private Instant createdAt;
    private BigDecimal proposedCreditLimit;
    private String vatId;
    private String language = "en";
    private String street;
    private String postalCode;
    private String city;
    private String countryCode;
    private String peppolId;

    @Version
    private long version;

    protected Customer() {}

    public Customer(
            String name,
            String email,
            String currency,
            PaymentTerms terms,
            BigDecimal creditLimit,
            RiskClass riskClass,
            BigDecimal taxRate,
            String iban,
            Instant createdAt) {
        this.name = name;
        this.email = email;
        this.currency = currency;
        this.paymentTerms = terms.toString();
        this.creditLimit = creditLimit;
        this.riskClass = riskClass.name();
        this.taxRate = taxRate;
        this.iban = iban;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getCurrency() {
        return currency;
    }

    public PaymentTerms paymentTerms() {
        return PaymentTerms.parse(paymentTerms);
    }

    public BigDecimal getCreditLimit() {
        return creditLimit;
    }

    public RiskClass riskClass() {
        return RiskClass.valueOf(riskClass);
    }

    public BigDecimal getTaxRate() {
        return taxRate;
    }

    public boolean isOnCreditHold() {
        return onCreditHold;
    }

    public String getIban() {
        return iban;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public BigDecimal getProposedCreditLimit() {
        return proposedCreditLimit;
    }

    /** VAT identification number (country prefix and 2-13 letters or digits), or null when sales did not give one. */
    public String getVatId() {
        return vatId;
    }

    void registerVatId(String vatId) {
        this.vatId = vatId;
    }

    /** ISO 639-1 code of the language the customer's documents are written in. */
    public String getLanguage() {
        return language;
    }

    public String getStreet() {
        return street;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getCity() {
        return city;
    }

    /** ISO 3166-1 alpha-2; an e-invoice needs it for the buyer (EN 16931 BT-55). */
    public String getCountryCode() {
        return countryCode;
    }

    /** Peppol participant id "scheme:identifier" (EN 16931 BT-49), where the customer receives Peppol e-invoices. */
    public String getPeppolId() {
        return peppolId;
    }

    void changeContact(String language, PostalAddress address) {
        this.peppolId = address.peppolId();
        this.language = language;
        this.street = address.street();
        this.postalCode = address.postalCode();
        this.city = address.city();
        this.countryCode = address.countryCode();
    }

    void proposeCreditLimit(BigDecimal proposal) {
        this.proposedCreditLimit = proposal;
    }

    void changeRiskClass(RiskClass riskClass) {
        this.riskClass = riskClass.name();
    }

    void changeCreditLimit(BigDecimal newLimit) {
        this.creditLimit = newLimit;
    }

    void placeOnCreditHold() {
        this.onCreditHold = true;
    }

    void waiveLateCharges(boolean waived) {
        this.lateChargesWaived = waived;
    }

    public boolean isLateChargesWaived() {
        return lateChargesWaived;
    }

    void releaseCreditHold() {
        this.onCreditHold = false;
    }
}
