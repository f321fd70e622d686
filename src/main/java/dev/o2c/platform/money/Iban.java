package dev.o2c.platform.money;

import java.math.BigInteger;

/** International Bank Account Numbers (ISO 13616): shape and the mod-97 check digits that catch typing errors. */
public final class Iban {

  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  private Iban() {}

  /** An IBAN written without spaces, upper case, whose check digits are right. */
  public static boolean isValid(String iban) {
    if (iban == null || !iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
      return false;
    }
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    StringBuilder digits = new StringBuilder(rearranged.length() * 2);
    for (char c : rearranged.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
  }
}
