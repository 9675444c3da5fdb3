package com.certcare.feedback.survey;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Follow-up items opened for low survey scores ({@link SurveyFollowUp}). */
@ConfigMapping(prefix = "certcare.feedback.surveys")
public interface SurveyFollowUpConfig {

    /** The department the follow-up item is recorded for (the market department follows surveys up, 4.7). */
    @WithDefault("market")
    String department();

    /** Who the item names as its recorder (a system, not a person). */
    @WithDefault("system:survey-service")
    String recordedBy();
}
