package dev.o2c.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Set;

/** Money is BigDecimal beside an ISO 4217 code, rounded to that currency's minor unit (2 for EUR, 0 for JPY). */
public final class Amounts {

  /**
   * The largest amount one order, invoice or payment may carry: 15 integer digits, so that tax, fees and interest on
   * top still fit the database's numeric(19, 2).
   */
  public static final BigDecimal MAX_DOCUMENT_AMOUNT = new BigDecimal("999999999999999.99");

  /**
   * ISO 4217 codes that are not money anyone is invoiced in: precious metals, IMF units, bond-market units, the test
   * code and "no currency" (all the X codes without a minor unit), plus funds codes that exist only for bookkeeping.
   */
  private static final Set<String> NOT_FOR_TRADING = Set.of("XAU", "XAG", "XPT", "XPD", "XDR", "XBA", "XBB", "XBC",
      "XBD", "XSU", "XUA", "XTS", "XXX", "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW");

  private Amounts() {}

  /** An ISO 4217 code of a currency customers are billed and pay in (not XAU, XTS, XXX and the like). */
  public static boolean isIsoCurrency(String code) {
    if (code == null || !code.matches("[A-Z]{3}") || NOT_FOR_TRADING.contains(code)) {
      return false;
    }
    try {
      return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public static boolean withinDocumentLimit(BigDecimal amount) {
    return amount.abs().compareTo(MAX_DOCUMENT_AMOUNT) <= 0;
  }

  public static BigDecimal round(BigDecimal amount, String currency) {
    int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    return amount.setScale(digits, RoundingMode.HALF_EVEN);
  }

  /** Whether the amount has no more decimals than the currency allows (no 10.001 EUR). */
  public static boolean fitsMinorUnit(BigDecimal amount, String currency) {
    int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    return amount.stripTrailingZeros().scale() <= digits;
  }
}
