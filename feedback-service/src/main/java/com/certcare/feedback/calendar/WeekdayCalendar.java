package com.certcare.feedback.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import com.certcare.platform.time.ClockProducer;

/** Monday to Friday are working days, in Asia/Shanghai; no holidays yet (see {@link WorkingDays}). */
@ApplicationScoped
public class WeekdayCalendar implements WorkingDays {

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Counts whole working days; from a weekend the first one counted is the next Monday. */
    @Override
    public Instant plus(Instant from, int days) {
        ZonedDateTime t = from.atZone(ClockProducer.ZONE);
        int left = days;
        while (left > 0) {
            t = t.plusDays(1);
            if (isWorkingDay(t.toLocalDate())) {
                left--;
            }
        }
        return t.toInstant();
    }
}
