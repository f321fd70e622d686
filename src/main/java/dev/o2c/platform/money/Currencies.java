package dev.o2c.platform.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Set;

/**
 * Which ISO 4217 codes money can actually be paid in. The JDK knows many codes that are not trading currencies:
 * precious metals, special drawing rights, testing and "no currency" codes (no minor unit at all), funds codes that
 * only exist for accounting, and currencies withdrawn since. None of them can be on an invoice or a bank credit.
 */
public final class Currencies {

    /** Funds and units of account (ISO 4217 lists them with a minor unit, but nobody pays in them). */
    private static final Set<String> FUNDS = Set.of(
            "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "USS", "UYI", "UYW", "XSU", "XUA", "XBA", "XBB", "XBC",
            "XBD", "XDR", "XAU", "XAG", "XPD", "XPT", "XTS", "XXX", "XFO", "XFU");

    /** Withdrawn currencies the JDK still lists (replaced by the euro or redenominated). */
    private static final Set<String> WITHDRAWN = Set.of(
            "ADP", "AFA", "ATS", "AYM", "AZM", "BEF", "BGL", "BYB", "BYR", "CSD", "CUC", "CYP", "DEM", "EEK", "ESP",
            "FIM", "FRF", "GHC", "GRD", "GWP", "HRK", "IEP", "ITL", "LTL", "LUF", "LVL", "MGF", "MRO", "MTL", "MZM",
            "NLG", "PTE", "ROL", "RUR", "SDD", "SIT", "SKK", "SLL", "SRG", "STD", "TMM", "TPE", "TRL", "VEB", "VEF",
            "YUM", "ZMK", "ZWD", "ZWL", "ZWN", "ZWR");

    private Currencies() {}

    /** An ISO 4217 code of a currency in circulation with a minor unit (EUR, USD, JPY, XOF; not XAU, XXX, CHE, DEM). */
    public static boolean isTradingCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}") || FUNDS.contains(code) || WITHDRAWN.contains(code)) {
            return false;
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Decimals of the currency's minor unit (2 for EUR, 0 for JPY, 3 for KWD). Only for trading currencies. */
    public static int minorUnitDigits(String code) {
        return Currency.getInstance(code).getDefaultFractionDigits();
    }

    /** Whether the amount has no more decimals than the currency has: 1.5 JPY and 1.001 EUR do not. Never rounds. */
    public static boolean hasMinorUnitScale(BigDecimal amount, String code) {
        return amount.stripTrailingZeros().scale() <= minorUnitDigits(code);
    }
}
