package com.certcare.application.contract;

import com.certcare.platform.numbering.NumberCounters;
import com.certcare.platform.numbering.NumberPattern;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Issues contract numbers from {@code certcare.contracts.number-pattern}: unique and without gaps
 * ({@link NumberCounters}: in the caller's transaction, which must exist; a rolled-back creation gives its number back).
 * <p>
 * The date is today in the injected {@link Clock} (the platform's: Asia/Shanghai), so a contract created at 00:30 on
 * 1 January in Beijing is numbered in the new year although it is still 31 December in UTC.
 */
@ApplicationScoped
public class ContractNumbers {

    /** The counter row's series. */
    static final String SERIES = "contract";

    private final ContractConfig config;
    private final NumberCounters counters;
    private final Clock clock;

    ContractNumbers(ContractConfig config, NumberCounters counters, Clock clock) {
        this.config = config;
        this.counters = counters;
        this.clock = clock;
    }

    /** The next number, dated today (the clock's zone). Must run inside the transaction that creates the contract. */
    @Transactional(TxType.MANDATORY)
    public String next() {
        return next(LocalDate.now(clock));
    }

    /** The next number dated {@code on} (its year picks the counter). Must run inside the caller's transaction. */
    @Transactional(TxType.MANDATORY)
    public String next(LocalDate on) {
        return counters.next(SERIES, config.numberPattern(), on);
    }

    /** The pattern numbers are made from. */
    public NumberPattern pattern() {
        return config.numberPattern();
    }
}
