package com.certcare.customer.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CertificationLifecycleTest {

    private static SurveillancePlanner planner(int first, int interval, int cycle) {
        return new SurveillancePlanner(new SurveillanceConfig() {
            public int firstWithinMonths() { return first; }
            public int intervalMonths() { return interval; }
            public int cycleMonths() { return cycle; }
            public int minPerCycle() { return 2; }
            public int overdueGraceDays() { return 0; }
            public int suspensionLimitDays() { return 180; }
            public String jobCron() { return "off"; }
        });
    }

    @Test
    void plansYearlySurveillanceInsideTheThreeYearCycle() {
        assertEquals(List.of(LocalDate.of(2027, 3, 14), LocalDate.of(2028, 3, 14)),
                planner(12, 12, 36).plan(LocalDate.of(2026, 3, 15)));
    }

    @Test
    void plansFromTheConfiguredIntervals() {
        assertEquals(List.of(LocalDate.of(2026, 9, 30), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 9, 30),
                LocalDate.of(2028, 3, 31), LocalDate.of(2028, 9, 30)),
                planner(6, 6, 36).plan(LocalDate.of(2026, 4, 1)));
    }

    @Test
    void plansNothingWithoutADecision() {
        assertTrue(planner(12, 12, 36).plan(null).isEmpty());
    }

    @Test
    void allowsOnlyTheListedTransitions() {
        assertTrue(CertificationStatus.APPLYING.canBecome(CertificationStatus.CONTRACTED));
        assertTrue(CertificationStatus.AUDITING.canBecome(CertificationStatus.VALID));
        assertTrue(CertificationStatus.VALID.canBecome(CertificationStatus.SUSPENDED));
        assertTrue(CertificationStatus.SUSPENDED.canBecome(CertificationStatus.VALID));
        assertTrue(CertificationStatus.SUSPENDED.canBecome(CertificationStatus.WITHDRAWN));
        assertFalse(CertificationStatus.APPLYING.canBecome(CertificationStatus.VALID));
        assertFalse(CertificationStatus.CONTRACTED.canBecome(CertificationStatus.VALID));
        assertFalse(CertificationStatus.WITHDRAWN.canBecome(CertificationStatus.VALID));
        assertFalse(CertificationStatus.EXPIRED.canBecome(CertificationStatus.VALID));
        assertFalse(CertificationStatus.VALID.canBecome(CertificationStatus.APPLYING));
        for (CertificationStatus end : CertificationStatus.FINAL) {
            assertTrue(end.next().isEmpty(), end + " is final");
        }
    }
}
