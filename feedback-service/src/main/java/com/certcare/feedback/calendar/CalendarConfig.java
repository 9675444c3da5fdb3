package com.certcare.feedback.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the holiday files are: {@code <directory>/<prefix><yyyy>.csv}, a file path or else a classpath resource
 * ({@code calendar/cn-2026.csv} ships in the service). Reference data, not code: next year's file is added when the
 * State Council publishes its arrangement (usually in November).
 */
@ConfigMapping(prefix = "certcare.feedback.calendar")
public interface CalendarConfig {

    @WithDefault("calendar")
    String directory();

    @WithDefault("cn-")
    String prefix();
}
