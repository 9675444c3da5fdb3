package com.certcare.survey.campaign;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.certcare.platform.problem.ProblemException;

/** A survey wave, {@code 2026-Q3}: year 2000–2099, quarter 1–4. */
public record Quarter(int year, int quarter) {

    static final Pattern FORMAT = Pattern.compile("^(20[0-9]{2})-Q([1-4])$");

    /** Parses {@code value}; a 400 naming {@code field} when it is not a quarter. */
    public static Quarter parse(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "required");
        }
        Matcher m = FORMAT.matcher(value.strip());
        if (!m.matches()) {
            throw ProblemException.invalid(field, "quarter-format");
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The quarter {@code day} falls in. */
    public static Quarter of(java.time.LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
