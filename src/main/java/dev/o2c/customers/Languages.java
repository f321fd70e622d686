package dev.o2c.customers;

import java.util.Locale;
import java.util.Set;

/** The ISO 639-1 language codes a customer's language may be. */
public final class Languages {

    public static final String DEFAULT = "en";
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());
    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private Languages() {}

    public static boolean isLanguage(String code) {
        return code != null && ISO_639_1.contains(code);
    }

    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }
}
