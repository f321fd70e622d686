package dev.o2c.documents;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The template of one language: the sentences from {@code documents/templates[_xx].properties} with their placeholders
 * filled, and numbers and dates the way that language writes them. Arguments are always inserted as text.
 */
final class Wording {

    /** Languages with their own template; every other language is written to in English. */
    static final Set<String> WRITTEN = Set.of("en", "de");

    static final String DEFAULT = "en";

    private final String language;
    private final Locale locale;
    private final ResourceBundle bundle;

    private Wording(String language) {
        this.language = language;
        this.locale = Locale.forLanguageTag(language);
        // no fallback to the JVM's default locale: an unknown language gets the English base file, always
        this.bundle = ResourceBundle.getBundle(
                "documents.templates",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static Wording of(String customerLanguage) {
        return new Wording(WRITTEN.contains(customerLanguage) ? customerLanguage : DEFAULT);
    }

    /** The language actually used. */
    String language() {
        return language;
    }

    Locale locale() {
        return locale;
    }

    String text(String key, String... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    boolean has(String key) {
        return bundle.containsKey(key);
    }

    String money(BigDecimal amount, String currency) {
        return number(amount, Currency.getInstance(currency).getDefaultFractionDigits()) + " " + currency;
    }

    String number(BigDecimal value, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(value);
    }

    /** Quantities and rates: as many decimals as they carry, none added. */
    String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return number(stripped, Math.max(0, stripped.scale()));
    }

    String date(LocalDate date) {
        return date == null
                ? ""
                : date.format(
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }
}
