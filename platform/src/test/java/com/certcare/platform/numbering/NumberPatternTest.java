package com.certcare.platform.numbering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;


/** The contract-number pattern: its tokens, its padding, its period, and the patterns it refuses. */
class NumberPatternTest {

    static final LocalDate MARCH_7 = LocalDate.of(2026, 3, 7);

    @Test
    void formatsEveryTokenAndPadsTheSequence() {
        assertEquals("ZLCC-2026-0001", NumberPattern.parse("ZLCC-{yyyy}-{seq:4}").format(MARCH_7, 1));
        assertEquals("ZLCC-2026-0042", NumberPattern.parse("ZLCC-{yyyy}-{seq:4}").format(MARCH_7, 42));
        assertEquals("HT26-03/007", NumberPattern.parse("HT{yy}-{MM}/{seq:3}").format(MARCH_7, 7));
        assertEquals("C5", NumberPattern.parse("C{seq:1}").format(MARCH_7, 5));
        assertEquals("合同-2026-01", NumberPattern.parse("合同-{yyyy}-{seq:2}").format(MARCH_7, 1));
        assertEquals("ZLCC-2026-12345", NumberPattern.parse("ZLCC-{yyyy}-{seq:4}").format(MARCH_7, 12345),
                "beyond N digits the number is printed whole");
        assertEquals("X05-1", NumberPattern.parse("X{yy}-{seq:1}").format(LocalDate.of(2105, 1, 1), 1),
                "{yy} is the year's last two digits");
    }

    @Test
    void aYearTokenRestartsTheSequenceEachYearWithoutOneItNeverRestarts() {
        NumberPattern yearly = NumberPattern.parse("ZLCC-{yyyy}-{seq:4}");
        assertTrue(yearly.yearly());
        assertEquals("2026", yearly.period(MARCH_7));
        assertEquals("2027", yearly.period(LocalDate.of(2027, 1, 1)));
        assertEquals("2026", NumberPattern.parse("Z{yy}{seq:4}").period(MARCH_7));

        NumberPattern never = NumberPattern.parse("ZLCC-{MM}-{seq:6}");
        assertFalse(never.yearly());
        assertEquals(NumberPattern.WHOLE_TIME, never.period(MARCH_7));
        assertEquals(NumberPattern.WHOLE_TIME, never.period(LocalDate.of(2031, 12, 31)));
    }

    @Test
    void refusesBadPatternsSayingWhy() {
        assertRefused(null, "required");
        assertRefused("  ", "required");
        assertRefused("ZLCC-{yyyy}", "exactly one {seq:N}");
        assertRefused("ZLCC-{seq:4}-{seq:2}", "exactly one {seq:N}");
        assertRefused("ZLCC-{yyyy}-{seq:0}", "unknown token {seq:0}");
        assertRefused("ZLCC-{yyyy}-{seq:10}", "unknown token {seq:10}");
        assertRefused("ZLCC-{yyyy}-{seq}", "unknown token {seq}");
        assertRefused("ZLCC-{YYYY}-{seq:4}", "unknown token {YYYY}");
        assertRefused("ZLCC-{dd}-{seq:4}", "unknown token {dd}");
        assertRefused("ZLCC-{yyyy-{seq:4}", "unbalanced brace");
        assertRefused("ZLCC-{yyyy}}-{seq:4}", "unbalanced brace");
        assertRefused("ZLCC-{yyyy}-{seq:4", "unbalanced brace");
        assertRefused("ZLCC\n-{seq:4}", "control character");
        assertThrows(IllegalArgumentException.class, () -> NumberPattern.parse("C{seq:1}").format(MARCH_7, 0));
    }

    private static void assertRefused(String pattern, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NumberPattern.parse(pattern),
                String.valueOf(pattern));
        assertTrue(e.getMessage().contains(reason), pattern + ": " + e.getMessage());
    }

}
