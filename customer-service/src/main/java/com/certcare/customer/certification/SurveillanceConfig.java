package com.certcare.customer.certification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How planned surveillance dates follow from the certification decision: the first within
 * {@code firstWithinMonths}, then every {@code intervalMonths}, inside a cycle of {@code cycleMonths}.
 */
@ConfigMapping(prefix = "certcare.surveillance")
public interface SurveillanceConfig {

    @WithDefault("12")
    int firstWithinMonths();

    @WithDefault("12")
    int intervalMonths();

    @WithDefault("36")
    int cycleMonths();
}
