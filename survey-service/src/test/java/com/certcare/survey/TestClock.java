package com.certcare.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.inject.Singleton;

import com.certcare.platform.time.ClockProducer;

/**
 * The clock of the app under test (it replaces the platform's default {@code Clock}): the system's time, moved by
 * a test ({@link #advance}) or stopped at an instant ({@link #stopAt}), and put back afterwards ({@link #reset}), so
 * time-dependent rules are tested without sleeping.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    /** When set, the clock stands still there (figures computed by hand need exact times). */
    private volatile Instant stopped;

    /** Moves the clock forward by {@code by} (cumulative). */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Stops the clock at {@code at} until the next {@link #stopAt} or {@link #reset}. */
    public void stopAt(Instant at) {
        stopped = at;
    }

    /** Back to the system's time. */
    public void reset() {
        offset = Duration.ZERO;
        stopped = null;
    }

    @Override
    public Instant instant() {
        Instant at = stopped;
        return at != null ? at : Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ClockProducer.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Instant at = stopped;
        return at != null ? Clock.fixed(at, zone) : Clock.offset(Clock.system(zone), offset);
    }
}
