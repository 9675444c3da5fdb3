package com.certcare.feedback.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The working-day calendar due times run on (zone Asia/Shanghai). Today {@link WeekdayCalendar}: Monday to Friday.
 * TODO(#19): a data file per year with the mainland public holidays and the adjusted working weekends (调休),
 * 2026 filled in, read by an implementation that replaces this one.
 */
public interface WorkingDays {

    boolean isWorkingDay(LocalDate day);

    /** {@code days} working days after {@code from}, at the same time of day (0: {@code from} itself). */
    Instant plus(Instant from, int days);
}
