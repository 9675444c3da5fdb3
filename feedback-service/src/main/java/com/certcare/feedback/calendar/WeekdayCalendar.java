package com.certcare.feedback.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import com.certcare.platform.time.ClockProducer;

/** Monday to Friday are working days, in Asia/Shanghai: the rule for a year without a holiday file. */
public class WeekdayCalendar implements WorkingDays {

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return isWeekday(day);
    }

    static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Counts whole working days of {@code calendar}; from a day off the first one counted is the next working day. */
    static Instant count(WorkingDays calendar, Instant from, int days) {
        ZonedDateTime t = from.atZone(ClockProducer.ZONE);
        int left = days;
        while (left > 0) {
            t = t.plusDays(1);
            if (calendar.isWorkingDay(t.toLocalDate())) {
                left--;
            }
        }
        return t.toInstant();
    }
}
