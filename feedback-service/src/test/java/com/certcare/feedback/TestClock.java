package com.certcare.feedback;

import jakarta.inject.Singleton;

import com.certcare.platform.time.ClockProducer;
import com.certcare.testsupport.MovableClock;

/** The clock of the app under test, in the platform's zone: it replaces the platform's default {@code Clock}. */
@Singleton
public class TestClock extends MovableClock {

    TestClock() {
        super(ClockProducer.ZONE);
    }
}
