package com.certcare.feedback.sql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** Reading the values of a native query's row, whichever Java type the driver and Hibernate chose. */
public final class Rows {

    private Rows() {
    }

    /** A timestamptz column; null stays null. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass());
    }

    /** A count or other whole number; null is 0. */
    public static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** A number rounded to two decimals (hours); null stays null. */
    public static BigDecimal twoDecimals(Object value) {
        if (value == null) {
            return null;
        }
        BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return d.setScale(2, RoundingMode.HALF_UP);
    }
}
