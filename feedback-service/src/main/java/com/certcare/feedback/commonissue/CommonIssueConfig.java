package com.certcare.feedback.commonissue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code certcare.feedback.common-issues.*}: when a topic is a common issue, and how long a forwarding waits. */
@ConfigMapping(prefix = "certcare.feedback.common-issues")
public interface CommonIssueConfig {

    /** A topic is a common issue when items about at least this many distinct clients carry it ... */
    @WithDefault("3")
    int minClients();

    /** ... received within this many months up to now. */
    @WithDefault("12")
    int windowMonths();

    /** A forwarding is due for its answers this many working days after it was sent (calendar.WorkingDays). */
    @WithDefault("10")
    int answerWorkingDays();

    /**
     * The recipient code of the management representative (管代); the {@code leader} role answers for it. Departments
     * are named by their codes (as {@code certcare.feedback.access.user-departments} gives them).
     */
    @WithDefault("management-representative")
    String managementRepresentative();
}
