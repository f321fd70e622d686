package dev.o2c.customers;

/**
 * Where a customer's letters go and what an e-invoice names as the buyer's address, and where the customer receives
 * Peppol e-invoices (participant id "scheme:identifier", EN 16931 BT-49); every part may be unknown.
 */
public record PostalAddress(String street, String postalCode, String city, String countryCode, String peppolId) {

    public static final PostalAddress UNKNOWN = new PostalAddress(null, null, null, null, null);

    public PostalAddress(String street, String postalCode, String city, String countryCode) {
        this(street, postalCode, city, countryCode, null);
    }
}
