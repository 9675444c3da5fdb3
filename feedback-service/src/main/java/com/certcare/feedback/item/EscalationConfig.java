package com.certcare.feedback.item;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The overdue escalation job ({@link OverdueEscalation}). */
@ConfigMapping(prefix = "certcare.feedback.escalation")
public interface EscalationConfig {

    /** How often it runs (a duration such as {@code 5m}); {@code off} never (the test profile: tests call it). */
    @WithDefault("5m")
    String interval();

    /** At most this many items per run (the rest wait for the next run). */
    @WithDefault("200")
    int batchSize();
}
