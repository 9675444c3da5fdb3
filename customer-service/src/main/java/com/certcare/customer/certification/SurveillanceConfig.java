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

    /** Surveillance audits a cycle must have (a manual plan with fewer is refused). */
    @WithDefault("2")
    int minPerCycle();

    /** Days after a planned surveillance date without the audit recorded before the daily job suspends. */
    @WithDefault("0")
    int overdueGraceDays();

    /** Days a certificate may stay suspended before the daily job withdraws it. */
    @WithDefault("180")
    int suspensionLimitDays();

    /** When the daily job runs (Quartz cron, Asia/Shanghai; {@code off}: never). Read by its {@code @Scheduled}. */
    @WithDefault("0 30 1 * * ?")
    String jobCron();
}
