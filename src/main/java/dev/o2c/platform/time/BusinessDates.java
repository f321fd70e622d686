package dev.o2c.platform.time;

import dev.o2c.platform.errors.InvalidValueException;
import java.time.LocalDate;
import java.time.Period;

/**
 * The window of dates a payment's value or booking date may fall in, for payments posted by hand and for bank
 * statements alike. Older than the ten years accounting records are kept is not a payment applied to open invoices;
 * banks value-date credits at most a few days ahead, and a month leaves room for holidays. Anything outside is a
 * typing error such as 2062 for 2026, or the year 99999.
 */
public final class BusinessDates {

    public static final Period OLDEST_VALUE_DATE = Period.ofYears(10);
    public static final Period LATEST_VALUE_DATE = Period.ofDays(31);

    private BusinessDates() {}

    public static boolean isPlausibleValueDate(LocalDate date, LocalDate today) {
        return !date.isBefore(today.minus(OLDEST_VALUE_DATE)) && !date.isAfter(today.plus(LATEST_VALUE_DATE));
    }

    /** Throws a 400 naming {@code field} when the value date is outside the window around {@code today}. */
    public static void checkValueDate(String field, LocalDate date, LocalDate today) {
        if (!isPlausibleValueDate(date, today)) {
            throw new InvalidValueException(
                    field,
                    "must be between " + today.minus(OLDEST_VALUE_DATE) + " and " + today.plus(LATEST_VALUE_DATE)
                            + ", not " + date);
        }
    }
}
