package com.certcare.feedback.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import com.certcare.platform.time.ClockProducer;

/** Due times count Monday to Friday in Asia/Shanghai, at the same time of day. */
class WeekdayCalendarTest {

    private final WeekdayCalendar days = new WeekdayCalendar();

    private static ZonedDateTime at(String local) {
        return ZonedDateTime.parse(local + "+08:00[Asia/Shanghai]");
    }

    @Test
    void oneWorkingDayAfterFridayIsMonday() {
        assertEquals(at("2026-03-16T10:00").toInstant(), days.plus(at("2026-03-13T10:00").toInstant(), 1));
    }

    @Test
    void tenWorkingDaysAreTwoWeeks() {
        assertEquals(at("2026-03-30T09:00").toInstant(), days.plus(at("2026-03-16T09:00").toInstant(), 10));
    }

    @Test
    void fromASaturdayTheFirstDayCountedIsMonday() {
        assertEquals(at("2026-03-16T15:00").toInstant(), days.plus(at("2026-03-14T15:00").toInstant(), 1));
        assertEquals(ClockProducer.ZONE, at("2026-03-14T15:00").getZone());
    }

    @Test
    void zeroDaysIsTheSameMoment() {
        assertEquals(at("2026-03-14T15:00").toInstant(), days.plus(at("2026-03-14T15:00").toInstant(), 0));
    }
}
