package com.certcare.feedback.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.certcare.platform.time.ClockProducer;

/**
 * Due times on mainland China's 2026 calendar (the shipped calendar/cn-2026.csv, after the State Council's notice):
 * 国庆 and 春节 are skipped, an adjusted working Saturday or Sunday counts, a year without a file counts Monday to
 * Friday, a malformed file is refused naming the line.
 */
class HolidayCalendarTest {

    static final Clock IN_2026 = Clock.fixed(Instant.parse("2026-06-01T02:00:00Z"), ClockProducer.ZONE);

    static CalendarConfig config(String directory) {
        return new CalendarConfig() {
            @Override
            public String directory() {
                return directory;
            }

            @Override
            public String prefix() {
                return "cn-";
            }
        };
    }

    private final HolidayCalendar days = HolidayCalendar.of(config("calendar"), IN_2026);

    private static Instant at(String local) {
        return ZonedDateTime.parse(local + "+08:00[Asia/Shanghai]").toInstant();
    }

    @Test
    void dueTimesSkipTheNationalDayWeekAndCountTheWorkingSaturdayAfterIt() {
        // Wed 30 Sep; 1-7 Oct off; Thu 8, Fri 9, Sat 10 (worked), Mon 12 ...
        assertEquals(at("2026-10-08T10:00"), days.plus(at("2026-09-30T10:00"), 1));
        assertEquals(at("2026-10-10T10:00"), days.plus(at("2026-09-30T10:00"), 3));
        assertEquals(at("2026-10-20T10:00"), days.plus(at("2026-09-30T10:00"), 10));
    }

    @Test
    void dueTimesSkipTheSpringFestivalAndCountItsWorkingSaturdays() {
        // Fri 13 Feb; Sat 14 worked; 15-23 off; Tue 24 ...; Sat 28 worked
        assertEquals(at("2026-02-14T09:00"), days.plus(at("2026-02-13T09:00"), 1));
        assertEquals(at("2026-02-24T09:00"), days.plus(at("2026-02-13T09:00"), 2));
        assertEquals(at("2026-03-05T09:00"), days.plus(at("2026-02-13T09:00"), 10));
    }

    @Test
    void anAdjustedWorkingWeekendDayCountsAndAHolidayOnAWeekdayDoesNot() {
        assertTrue(days.isWorkingDay(LocalDate.of(2026, 1, 4)), "Sun 4 Jan is worked");
        assertTrue(days.isWorkingDay(LocalDate.of(2026, 5, 9)), "Sat 9 May is worked");
        assertTrue(days.isWorkingDay(LocalDate.of(2026, 9, 20)), "Sun 20 Sep is worked");
        assertFalse(days.isWorkingDay(LocalDate.of(2026, 5, 4)), "Mon 4 May is Labour Day");
        assertFalse(days.isWorkingDay(LocalDate.of(2026, 6, 19)), "Fri 19 Jun is the Dragon Boat Festival");
        assertFalse(days.isWorkingDay(LocalDate.of(2026, 3, 14)), "an ordinary Saturday");
        assertTrue(days.isWorkingDay(LocalDate.of(2026, 3, 16)), "an ordinary Monday");
        // Fri 18 Sep → Sun 20 Sep (worked)
        assertEquals(at("2026-09-20T16:00"), days.plus(at("2026-09-18T16:00"), 1));
    }

    @Test
    void aYearWithoutAFileCountsMondayToFriday() {
        assertFalse(days.yearsWithoutFile().contains(2031));
        // Fri 3 Oct 2031 → Mon 6 Oct: no National Day for a year nobody filled in
        assertEquals(at("2031-10-06T10:00"), days.plus(at("2031-10-03T10:00"), 1));
        assertTrue(days.isWorkingDay(LocalDate.of(2031, 10, 1)));
        assertTrue(days.yearsWithoutFile().contains(2031));
        // across the year end into a year without a file: Thu 31 Dec 2026 → Fri 1 Jan 2027
        assertEquals(at("2027-01-01T10:00"), days.plus(at("2026-12-31T10:00"), 1));
    }

    @Test
    void aMalformedFileIsRefusedNamingTheLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cn-2026.csv"), "# test\n2026-10-01..2026-10-07,HOLIDAY,国庆节\n2026-10-09,WORKDAY,周五\n");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> HolidayCalendar.of(config(dir.toString()), IN_2026));
        assertTrue(e.getMessage().contains("cn-2026.csv:3") && e.getMessage().contains("FRIDAY"), e.getMessage());
        Files.writeString(dir.resolve("cn-2026.csv"), "2027-01-01,HOLIDAY,元旦\n");
        assertThrows(IllegalStateException.class, () -> HolidayCalendar.of(config(dir.toString()), IN_2026));
    }

    @Test
    void aFileOutsideTheClasspathIsRead(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cn-2026.csv"), "2026-03-16,HOLIDAY,测试假日\n");
        HolidayCalendar custom = HolidayCalendar.of(config(dir.toString()), IN_2026);
        assertFalse(custom.isWorkingDay(LocalDate.of(2026, 3, 16)));
        assertTrue(custom.isWorkingDay(LocalDate.of(2026, 10, 8)));
    }
}
