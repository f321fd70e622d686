package dev.o2c.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The seller on every document and e-invoice (EN 16931 BG-4): legal name, postal address, VAT id (BT-31), the account
 * customers pay to (BT-84), the contact for questions (BG-6) and the Peppol participant id (BT-34, "scheme:identifier").
 * Set under {@code o2c.company.*}.
 */
@ConfigurationProperties(prefix = "o2c.company")
public record CompanyProperties(
        String name,
        String street,
        String postalCode,
        String city,
        String countryCode,
        String vatId,
        String iban,
        String bic,
        String email,
        String contactName,
        String phone,
        String peppolId) {}
