package dev.o2c.platform.money;

import java.math.BigInteger;

/**
 * International Bank Account Numbers (ISO 13616). Only the structure every IBAN shares is checked here (country
 * letters, two check digits, up to 30 letters or digits, the mod-97 check): that is what catches a mistyped or
 * invented account number, without a register of each country's length that would go stale.
 */
public final class Iban {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Iban() {}

    /** Spaces removed, upper case; null for nothing. */
    public static String compact(String iban) {
        return iban == null || iban.isBlank()
                ? null
                : iban.replaceAll("\\s", "").toUpperCase();
    }

    /** The IBAN of a domestic account number (BBAN), with its check digits computed (test data, conversions). */
    public static String of(String country, String bban) {
        String body = (bban + country + "00").toUpperCase();
        int check = 98 - mod97(body);
        return country.toUpperCase() + (check < 10 ? "0" : "") + check + bban.toUpperCase();
    }

    /** Whether the IBAN (spaces allowed, as printed) has a valid structure and check digits (mod 97 = 1). */
    public static boolean isValid(String iban) {
        String compact = compact(iban);
        if (compact == null || !compact.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
            return false;
        }
        return mod97(compact.substring(4) + compact.substring(0, 4)) == 1;
    }

    /** Letters count as 10 to 35, as ISO 13616 says. */
    private static int mod97(String rearranged) {
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }
}
