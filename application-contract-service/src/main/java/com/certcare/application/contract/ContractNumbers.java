package com.certcare.application.contract;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Issues contract numbers from {@code certcare.contracts.number-pattern}: unique and without gaps.
 * <p>
 * The counter is a row of {@code contract_number_counter} per period (the year when the pattern has one), raised by
 * one {@code insert … on conflict … do update … returning} <b>in the caller's transaction</b>, which must exist
 * ({@link TxType#MANDATORY}). The row stays locked until that transaction ends: if it commits, the number is used;
 * if it rolls back (the contract was not created after all), the raise is undone and the next contract gets the same
 * number — no gap. The price: contracts of one period are numbered one at a time, each waiting for the previous
 * one's transaction to end, so callers take the number late in their transaction and keep it short.
 * <p>
 * The date is today in the injected {@link Clock} (the platform's: Asia/Shanghai), so a contract created at 00:30 on
 * 1 January in Beijing is numbered in the new year although it is still 31 December in UTC.
 */
@ApplicationScoped
public class ContractNumbers {

    /** The counter row's series: contracts; the table may number other things later. */
    static final String SERIES = "contract";

    private final ContractConfig config;
    private final EntityManager em;
    private final Clock clock;

    ContractNumbers(ContractConfig config, EntityManager em, Clock clock) {
        this.config = config;
        this.em = em;
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
        NumberPattern pattern = config.numberPattern();
        Number seq = (Number) em.createNativeQuery("""
                insert into contract_number_counter (series, period, last_issued) values (:series, :period, 1)
                on conflict (series, period) do update set last_issued = contract_number_counter.last_issued + 1
                returning last_issued""")
                .setParameter("series", SERIES).setParameter("period", pattern.period(on))
                .getSingleResult();
        return pattern.format(on, seq.longValue());
    }

    /** The pattern numbers are made from. */
    public NumberPattern pattern() {
        return config.numberPattern();
    }
}
