package com.certcare.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock for the app under test: the system's time, moved by a test ({@link #advance}) or stopped at an instant
 * ({@link #stopAt}), and put back afterwards ({@link #reset}), so time-dependent rules are tested without sleeping.
 * A service's tests make it their {@code Clock} bean with a one-line {@code @Singleton} subclass (this module is not
 * bean-indexed, so that modules that do not want it keep the platform's clock).
 */
public class MovableClock extends Clock {

    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;
    /** When set, the clock stands still there (figures computed by hand need exact times). */
    private volatile Instant stopped;

    protected MovableClock(ZoneId zone) {
        this.zone = zone;
    }

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
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        Instant at = stopped;
        return at != null ? Clock.fixed(at, other) : Clock.offset(Clock.system(other), offset);
    }
}
