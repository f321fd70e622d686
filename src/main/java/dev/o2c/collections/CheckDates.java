package dev.o2c.collections;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Timer dates for the collection process: the start of a business day, as ISO date-time with offset. */
public final class CheckDates {

    private CheckDates() {}

    public static String startOf(LocalDate day, Clock clock) {
        return day.atStartOfDay(clock.getZone()).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The first check is the day after the due date: an invoice paid on its due date is on time. */
    public static String firstCheck(LocalDate dueDate, Clock clock) {
        return startOf(dueDate.plusDays(1), clock);
    }

    public static String inDays(long days, Clock clock) {
        return startOf(LocalDate.now(clock).plusDays(Math.max(1, days)), clock);
    }
}
