package com.certcare.feedback.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.certcare.platform.reference.ReferenceLists;

/**
 * Mainland China's working days: a year's public holidays (法定节假日) are days off, its adjusted working weekend
 * days (调休上班) are working days, everything else is Monday to Friday. One data file per year,
 * {@code <certcare.feedback.calendar.directory>/<prefix><yyyy>.csv} (lines {@code <date or from..to>,HOLIDAY|WORKDAY,<name>});
 * a year without a file counts Monday to Friday and says so in the log once. Each file is read once; a malformed
 * file stops the first use of its year with the line at fault (the current and next year are read at start-up, so
 * a bad file of those stops the start).
 */
@ApplicationScoped
public class HolidayCalendar implements WorkingDays {

    private static final Logger LOG = Logger.getLogger(HolidayCalendar.class);

    /** A year's exceptions to Monday-Friday: day → true (WORKDAY) or false (HOLIDAY). */
    record Year(int year, Map<LocalDate, Boolean> days) {
    }

    private final CalendarConfig config;
    private final Map<Integer, Optional<Year>> years = new ConcurrentHashMap<>();

    HolidayCalendar(CalendarConfig config, java.time.Clock clock) {
        this.config = config;
        int now = LocalDate.now(clock).getYear();
        year(now);
        year(now + 1);
    }

    /** A calendar reading the files of {@code config}, outside CDI (tests). */
    public static HolidayCalendar of(CalendarConfig config, java.time.Clock clock) {
        return new HolidayCalendar(config, clock);
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        Boolean listed = year(day.getYear()).map(y -> y.days().get(day)).orElse(null);
        return listed != null ? listed : WeekdayCalendar.isWeekday(day);
    }

    /** The years for which no file was found (counted Monday to Friday). */
    public Set<Integer> yearsWithoutFile() {
        Set<Integer> missing = new java.util.TreeSet<>();
        years.forEach((year, file) -> {
            if (file.isEmpty()) {
                missing.add(year);
            }
        });
        return missing;
    }

    private Optional<Year> year(int year) {
        return years.computeIfAbsent(year, this::load);
    }

    private Optional<Year> load(int year) {
        String location = config.directory() + "/" + config.prefix() + year + ".csv";
        Map<LocalDate, Boolean> days = new HashMap<>();
        BufferedReader reader;
        try {
            reader = new BufferedReader(new InputStreamReader(ReferenceLists.open(location), StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warnf("No holiday calendar for %d (%s): due times in %d count Monday to Friday only", year, location, year);
            return Optional.empty();
        }
        try (reader) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                parse(line, year, days, location + ":" + number);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Holiday calendar " + location + " cannot be read: " + e.getMessage(), e);
        }
        LOG.infof("Holiday calendar %d: %d holidays, %d adjusted working days (%s)", year,
                days.values().stream().filter(w -> !w).count(), days.values().stream().filter(w -> w).count(), location);
        return Optional.of(new Year(year, Map.copyOf(days)));
    }

    private static void parse(String line, int year, Map<LocalDate, Boolean> days, String where) {
        String[] f = line.split(",", 3);
        if (f.length < 2) {
            throw bad(where, "expected <date or from..to>,HOLIDAY|WORKDAY,<name>: " + line);
        }
        boolean working = switch (f[1].strip()) {
            case "HOLIDAY" -> false;
            case "WORKDAY" -> true;
            default -> throw bad(where, "the type is HOLIDAY or WORKDAY, not " + f[1].strip());
        };
        LocalDate from;
        LocalDate to;
        try {
            String[] range = f[0].strip().split("\\.\\.", 2);
            from = LocalDate.parse(range[0].strip());
            to = range.length == 2 ? LocalDate.parse(range[1].strip()) : from;
        } catch (DateTimeParseException e) {
            throw bad(where, "not a date (yyyy-MM-dd) or range (from..to): " + f[0].strip());
        }
        if (to.isBefore(from) || from.getYear() != year || to.getYear() != year) {
            throw bad(where, "the dates must lie in " + year + ", from before to: " + f[0].strip());
        }
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (working && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw bad(where, "a WORKDAY is an adjusted weekend day; " + d + " is a " + d.getDayOfWeek());
            }
            if (days.put(d, working) != null) {
                throw bad(where, d + " is listed twice");
            }
        }
    }

    private static IllegalStateException bad(String where, String why) {
        return new IllegalStateException("Holiday calendar " + where + ": " + why);
    }
}
