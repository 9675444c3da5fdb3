package com.certcare.survey.analysis;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The analysis's body-specific values: the smallest group any figure is shown for, and the annual satisfaction
 * criteria (4.7.2): how the quarters are weighted, what each serious dissatisfaction or complaint event deducts, the
 * most all events may deduct, and the target.
 */
@ConfigMapping(prefix = "certcare.survey.analysis")
public interface AnalysisConfig {

    /** A group (segment, quarter, year) with fewer responses shows no figure: suppressed, not rounded. */
    @WithDefault("5")
    int minGroupSize();

    Annual annual();

    interface Annual {
        /** RESPONSES: every response of the year counts once; QUARTERS: each quarter with answers counts once. */
        @WithDefault("RESPONSES")
        Weighting weighting();

        /** Index points deducted per serious event recorded in the year. */
        @WithDefault("2")
        BigDecimal deductionPerEvent();

        /** At most this many points in all. */
        @WithDefault("10")
        BigDecimal maxDeduction();

        /** The annual figure the body aims for (0–100). */
        @WithDefault("80")
        BigDecimal target();
    }

    enum Weighting { RESPONSES, QUARTERS }
}
