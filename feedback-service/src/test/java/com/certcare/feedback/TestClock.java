package com.certcare.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.inject.Singleton;

import com.certcare.platform.time.ClockProducer;

/**
 * The clock of the app under test (it replaces the platform's default {@code Clock}): the system's time, moved by
 * a test ({@link #advance}) and put back afterwards ({@link #reset}), so time-dependent rules are tested without
 * sleeping.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** Moves the clock forward by {@code by} (cumulative). */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Back to the system's time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ClockProducer.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }
}
