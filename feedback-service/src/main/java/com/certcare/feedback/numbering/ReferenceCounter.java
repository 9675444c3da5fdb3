package com.certcare.feedback.numbering;

import com.certcare.platform.numbering.NumberCounters;
import com.certcare.platform.numbering.NumberPattern;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Feedback references without gaps, {@code prefix-yyyy-NNNNN}: the platform's {@link NumberCounters} over this
 * service's {@code number_counter} table (V2), raised in the caller's transaction, which must exist.
 */
@ApplicationScoped
public class ReferenceCounter {

    private final NumberCounters counters;

    ReferenceCounter(NumberCounters counters) {
        this.counters = counters;
    }

    /** {@code prefix-yyyy-NNNNN}: the next number of {@code series} in the year of {@code on}. */
    @Transactional(TxType.MANDATORY)
    public String next(String series, String prefix, LocalDate on) {
        return counters.next(series, NumberPattern.parse(prefix + "-{yyyy}-{seq:5}"), on);
    }
}
