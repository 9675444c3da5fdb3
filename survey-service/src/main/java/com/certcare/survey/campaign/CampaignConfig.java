package com.certcare.survey.campaign;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Campaigns, links and reminders. */
@ConfigMapping(prefix = "certcare.survey.dispatch")
public interface CampaignConfig {

    /** A link is valid this many days after its dispatch was made. */
    @WithDefault("30")
    int linkValidDays();

    /** At most this many reminders per dispatch (automatic and by hand together). */
    @WithDefault("2")
    int maxReminders();

    /** The automatic reminder goes this many days after the last mail. */
    @WithDefault("7")
    int reminderSpacingDays();
}
