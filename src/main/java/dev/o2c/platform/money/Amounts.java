package dev.o2c.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Money is BigDecimal beside an ISO 4217 code, rounded to that currency's minor unit (2 for EUR, 0 for JPY). */
public final class Amounts {

    /**
     * The largest amount one order, invoice or payment may carry: 15 integer digits, so that tax, fees and interest on
     * top still fit the database's numeric(19, 2).
     */
    public static final BigDecimal MAX_DOCUMENT_AMOUNT = new BigDecimal("999999999999999.99");

    private Amounts() {}

    public static boolean withinDocumentLimit(BigDecimal amount) {
        return amount.abs().compareTo(MAX_DOCUMENT_AMOUNT) <= 0;
    }

    /**
     * Commercial rounding (half up), as invoices are rounded in the EU and as EN 16931 tools compute them: an exact
     * half cent of VAT rounded half-even would leave the legal invoice one cent away from its own e-invoice.
     */
    public static BigDecimal round(BigDecimal amount, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return amount.setScale(digits, RoundingMode.HALF_UP);
    }
}
