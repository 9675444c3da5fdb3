package com.certcare.feedback.numbering;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Numbers without gaps: one row of {@code number_counter} per series and year, raised by one {@code insert … on
 * conflict … do update … returning} <b>in the caller's transaction</b>. The row stays locked until that transaction
 * ends: if it rolls back, the next caller gets the same number. Callers take the number late and keep the
 * transaction short.
 */
@ApplicationScoped
public class ReferenceCounter {

    private final EntityManager em;

    ReferenceCounter(EntityManager em) {
        this.em = em;
    }

    /** {@code prefix-yyyy-NNNNN}: the next number of {@code series} in the year of {@code on}. */
    @Transactional(TxType.MANDATORY)
    public String next(String series, String prefix, LocalDate on) {
        String year = String.valueOf(on.getYear());
        Number seq = (Number) em.createNativeQuery("""
                insert into number_counter (series, period, last_issued) values (:series, :period, 1)
                on conflict (series, period) do update set last_issued = number_counter.last_issued + 1
                returning last_issued""")
                .setParameter("series", series).setParameter("period", year).getSingleResult();
        return String.format("%s-%s-%05d", prefix, year, seq.longValue());
    }
}
