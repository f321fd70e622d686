package dev.o2c.customers;

/** Where a customer's letters go and what an e-invoice names as the buyer's address; every part may be unknown. */
public record PostalAddress(String street, String postalCode, String city, String countryCode) {

    public static final PostalAddress UNKNOWN = new PostalAddress(null, null, null, null);
}
