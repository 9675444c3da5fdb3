package com.certcare.feedback.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The working-day calendar due times run on (zone Asia/Shanghai): {@link HolidayCalendar}, mainland China's public
 * holidays and adjusted working weekends from a data file per year, Monday to Friday ({@link WeekdayCalendar}) for a
 * year without one.
 */
public interface WorkingDays {

    boolean isWorkingDay(LocalDate day);

    /** {@code days} working days after {@code from}, at the same time of day (0: {@code from} itself). */
    default Instant plus(Instant from, int days) {
        return WeekdayCalendar.count(this, from, days);
    }
}
