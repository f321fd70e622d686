package dev.o2c.billing;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * ISO 11649 structured creditor reference ("RF" + two check digits + up to 21 letters or digits). Printed on every
 * invoice so the payer's bank carries it back in the statement: the strongest key cash application has.
 */
public final class CreditorReference {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);
    private static final int MAX_BODY = 21;

    private CreditorReference() {}

    /** INV-2026-000001 becomes RFnnINV2026000001. */
    public static String forInvoiceNumber(String invoiceNumber) {
        return create(invoiceNumber.replaceAll("[^A-Za-z0-9]", ""));
    }

    public static String create(String body) {
        String normalized = body.toUpperCase(Locale.ROOT);
        if (normalized.isEmpty() || normalized.length() > MAX_BODY || !normalized.matches("[A-Z0-9]+")) {
            throw new IllegalArgumentException("a creditor reference body is 1-21 letters or digits: " + body);
        }
        int check = 98 - mod97(normalized + "RF00");
        return "RF" + (check < 10 ? "0" : "") + check + normalized;
    }

    /** The reference in canonical form (no spaces, upper case) when its check digits are right, else empty. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = text.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!compact.matches("RF\\d{2}[A-Z0-9]{1," + MAX_BODY + "}")) {
            return Optional.empty();
        }
        String rotated = compact.substring(4) + compact.substring(0, 4);
        return mod97(rotated) == 1 ? Optional.of(compact) : Optional.empty();
    }

    private static int mod97(String alphanumeric) {
        StringBuilder digits = new StringBuilder();
        for (char c : alphanumeric.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }
}
