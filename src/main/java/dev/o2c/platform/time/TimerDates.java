package dev.o2c.platform.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Timer dates for the processes: the start of a business day, as ISO date-time with offset (what BPMN timers read). */
public final class TimerDates {

    private TimerDates() {}

    public static String startOf(LocalDate day, Clock clock) {
        return day.atStartOfDay(clock.getZone()).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    public static String inDays(long days, Clock clock) {
        return startOf(LocalDate.now(clock).plusDays(Math.max(1, days)), clock);
    }
}
