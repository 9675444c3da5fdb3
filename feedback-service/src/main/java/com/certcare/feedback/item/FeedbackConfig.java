package com.certcare.feedback.item;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Items: their reference numbers and due times (in working days after receipt, calendar.WorkingDays). */
@ConfigMapping(prefix = "certcare.feedback.items")
public interface FeedbackConfig {

    /** References are {@code <prefix>-<yyyy>-<NNNNN>}, numbered without gaps, restarting each year. */
    @WithDefault("FK")
    String referencePrefix();

    /** Acknowledgement of receipt (complaints and appeals are acknowledged at once, on receipt). */
    @WithDefault("1")
    int acknowledgeWorkingDays();

    /** First response: the triage (for class a, the explanation given). */
    @WithDefault("1")
    int firstResponseWorkingDays();

    /** Resolution. */
    @WithDefault("10")
    int resolutionWorkingDays();
}
