package dev.o2c.customers;

import java.math.BigDecimal;

/** A customer as the API shows it; modules downstream add what they own (the credit module adds exposure). */
public record CustomerView(
        long id,
        String name,
        String email,
        String currency,
        String paymentTerms,
        BigDecimal creditLimit,
        String riskClass,
        boolean onCreditHold,
        BigDecimal taxRate,
        String iban,
        String vatId,
        BigDecimal proposedCreditLimit,
        String language,
        String street,
        String postalCode,
        String city,
        String countryCode,
        String peppolId,
        boolean lateChargesWaived) {

    public static CustomerView of(Customer customer) {
        return new CustomerView(
                customer.getId(),
                customer.getName(),
                customer.getEmail(),
                customer.getCurrency(),
                customer.paymentTerms().toString(),
                customer.getCreditLimit(),
                customer.riskClass().name(),
                customer.isOnCreditHold(),
                customer.getTaxRate(),
                customer.getIban(),
                customer.getVatId(),
                customer.getProposedCreditLimit(),
                customer.getLanguage(),
                customer.getStreet(),
                customer.getPostalCode(),
                customer.getCity(),
                customer.getCountryCode(),
                customer.getPeppolId(),
                customer.isLateChargesWaived());
    }
}
