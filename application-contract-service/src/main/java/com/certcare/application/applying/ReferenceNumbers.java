package com.certcare.application.applying;

import com.certcare.platform.numbering.NumberCounters;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Application references from {@code certcare.applications.reference-pattern} ({@code SQ-{yyyy}-{seq:5}} →
 * {@code SQ-2026-00001}), without gaps ({@link NumberCounters}: raised in the caller's transaction; a rolled-back
 * application gives its number back). The year is the clock's (Asia/Shanghai).
 */
@ApplicationScoped
public class ReferenceNumbers {

    /** The counter row's series. */
    static final String SERIES = "application";

    private final NumberCounters counters;
    private final ApplicationConfig config;
    private final Clock clock;

    ReferenceNumbers(NumberCounters counters, ApplicationConfig config, Clock clock) {
        this.counters = counters;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(TxType.MANDATORY)
    public String next() {
        return counters.next(SERIES, config.referencePattern(), LocalDate.now(clock));
    }
}
