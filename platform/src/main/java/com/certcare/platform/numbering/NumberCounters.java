package com.certcare.platform.numbering;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Numbers without gaps (application references, contract numbers): one row of {@code number_counter} per series and
 * period (the year when the pattern has a year token), raised by one {@code insert … on conflict … do update …
 * returning} <b>in the caller's transaction</b>, which must exist. The row stays locked until that transaction ends:
 * if it commits, the number is used; if it rolls back, the raise is undone and the next caller gets the same number.
 * The price: numbers of one series and period are given one at a time, each caller waiting for the previous one's
 * transaction to end, so callers take the number late in their transaction and keep it short.
 */
@ApplicationScoped
public class NumberCounters {

    private final EntityManager em;

    NumberCounters(EntityManager em) {
        this.em = em;
    }

    /** The next number of {@code series} made from {@code pattern} for the date {@code on}. */
    @Transactional(TxType.MANDATORY)
    public String next(String series, NumberPattern pattern, LocalDate on) {
        Number seq = (Number) em.createNativeQuery("""
                insert into number_counter (series, period, last_issued) values (:series, :period, 1)
                on conflict (series, period) do update set last_issued = number_counter.last_issued + 1
                returning last_issued""")
                .setParameter("series", series).setParameter("period", pattern.period(on))
                .getSingleResult();
        return pattern.format(on, seq.longValue());
    }
}
