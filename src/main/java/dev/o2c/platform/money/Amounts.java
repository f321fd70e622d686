package dev.o2c.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Money is BigDecimal beside an ISO 4217 code, rounded to that currency's minor unit (2 for EUR, 0 for JPY). */
public final class Amounts {

  private Amounts() {}

  public static boolean isIsoCurrency(String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      return false;
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
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

  public static BigDecimal nonNegative(BigDecimal amount) {
    return amount.signum() < 0 ? BigDecimal.ZERO.setScale(amount.scale()) : amount;
  }
}
